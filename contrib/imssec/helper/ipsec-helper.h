/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_HELPER_H
#define IPSEC_HELPER_H

#include "ns3/ipsec-stack.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"

#include <string>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief Installs the modeled IPsec layer (IpsecStack with its SPD and SAD) on nodes that
 * already have an Internet stack with IPv6.
 *
 * \code
 *   IpsecHelper ipsec;
 *   ipsec.SetStackAttribute("IcvMode", StringValue("LengthOnly"));
 *   ipsec.Install(NodeContainer(ue, pcscf));
 *   Ptr<IpsecStack> stack = IpsecHelper::GetStack(pcscf);
 * \endcode
 */
class IpsecHelper
{
  public:
    IpsecHelper();

    /**
     * \param name an attribute of ns3::IpsecStack
     * \param value its value
     */
    void SetStackAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param name an attribute of ns3::IpsecSad
     * \param value its value
     */
    void SetSadAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param node a node with an IPv6 stack
     * \returns its new IPsec layer
     */
    Ptr<IpsecStack> Install(Ptr<Node> node) const;

    /**
     * \param nodes nodes with an IPv6 stack
     */
    void Install(NodeContainer nodes) const;

    /**
     * \param node a node
     * \returns its IPsec layer, or nullptr
     */
    static Ptr<IpsecStack> GetStack(Ptr<Node> node);

  private:
    ObjectFactory m_stackFactory; //!< creates IpsecStack objects
    ObjectFactory m_sadFactory;   //!< creates IpsecSad objects
};

} // namespace ns3

#endif /* IPSEC_HELPER_H */
