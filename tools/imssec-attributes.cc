/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Lists every imssec class registered with ns-3's TypeId system, with its attributes
// (name, default, description) and trace sources: the reference a user needs to write
// Config::SetDefault or --ns3::Class::Attribute=value lines.
#include "ns3/core-module.h"
#include "ns3/imssec-module.h"

#include <iostream>

using namespace ns3;

int
main(int argc, char* argv[])
{
    std::string group = "Imssec";
    CommandLine cmd(__FILE__);
    cmd.AddValue("group", "TypeId group name to list", group);
    cmd.Parse(argc, argv);

    std::cout << "imssec " << GetImssecVersion() << "\n";
    uint32_t listed = 0;
    for (uint16_t i = 0; i < TypeId::GetRegisteredN(); ++i)
    {
        TypeId tid = TypeId::GetRegistered(i);
        if (tid.GetGroupName() != group)
        {
            continue;
        }
        ++listed;
        std::cout << "\n" << tid.GetName() << " (parent " << tid.GetParent().GetName() << ")\n";
        for (std::size_t a = 0; a < tid.GetAttributeN(); ++a)
        {
            TypeId::AttributeInformation info = tid.GetAttribute(a);
            std::cout << "  attribute " << info.name << " = "
                      << info.initialValue->SerializeToString(info.checker) << "  -- " << info.help
                      << "\n";
        }
        for (std::size_t t = 0; t < tid.GetTraceSourceN(); ++t)
        {
            TypeId::TraceSourceInformation info = tid.GetTraceSource(t);
            std::cout << "  trace " << info.name << "  -- " << info.help << "\n";
        }
    }
    std::cout << "\n" << listed << " classes in group " << group << "\n";
    return 0;
}
