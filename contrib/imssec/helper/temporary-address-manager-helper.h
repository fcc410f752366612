/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef TEMPORARY_ADDRESS_MANAGER_HELPER_H
#define TEMPORARY_ADDRESS_MANAGER_HELPER_H

#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/temporary-address-manager.h"

#include <string>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief Installs a TemporaryAddressManager on nodes (aggregated to each node).
 */
class TemporaryAddressManagerHelper
{
  public:
    TemporaryAddressManagerHelper();

    /**
     * \brief Sets an attribute of the managers to create.
     * \param name attribute name
     * \param value attribute value
     */
    void SetAttribute(std::string name, const AttributeValue& value);

    /**
     * \brief Sets the constants of a preset (TempValidLifetime, TempPreferredLifetime,
     * RegenAdvance, MaxDesyncFactor, TempIdgenRetries, DesyncPerAddress); later
     * SetAttribute calls override them.
     * \param preset the preset
     */
    void SetPreset(TemporaryAddressManager::Preset preset);

    /**
     * \brief Sets the rotation interval (TempPreferredLifetime) and, when the current
     * MaxDesyncFactor would not fit, lowers it to 0.4 of the interval (RFC 8981's ratio).
     * \param interval the rotation interval
     */
    void SetRotationInterval(Time interval);

    /**
     * \brief Installs a manager on a node with an IPv6 stack.
     * \param node the node
     * \param interface the IPv6 interface to manage
     * \returns the manager
     */
    Ptr<TemporaryAddressManager> Install(Ptr<Node> node, uint32_t interface) const;

    /**
     * \brief Installs a manager on each node, for interface 1.
     * \param nodes the nodes
     */
    void Install(NodeContainer nodes) const;

    /**
     * \brief Assigns random streams to the managers of the nodes.
     * \param nodes the nodes
     * \param stream first stream index
     * \returns the number of streams used
     */
    static int64_t AssignStreams(NodeContainer nodes, int64_t stream);

  private:
    ObjectFactory m_factory; //!< manager factory
};

} // namespace ns3

#endif /* TEMPORARY_ADDRESS_MANAGER_HELPER_H */
