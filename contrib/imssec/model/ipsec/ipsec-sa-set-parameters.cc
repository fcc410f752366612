/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-sa-set-parameters.h"

#include <sstream>

namespace ns3
{

bool
IpsecSaSetParameters::Validate(std::string& error) const
{
    std::ostringstream why;
    if (ueAddress.IsAny() || pcscfAddress.IsAny())
    {
        why << "UE and P-CSCF addresses must be set";
    }
    else if (uePrefixLength > 128)
    {
        why << "UE prefix length " << +uePrefixLength << " above 128";
    }
    else if (ueSpiC < 256 || ueSpiS < 256 || pcscfSpiC < 256 || pcscfSpiS < 256)
    {
        why << "SPIs 0..255 are reserved (RFC 4303)";
    }
    else if (ueSpiC == ueSpiS || pcscfSpiC == pcscfSpiS)
    {
        why << "spi-c and spi-s of one side must differ";
    }
    else if (uePortC == 0 || uePortS == 0 || pcscfPortC == 0 || pcscfPortS == 0)
    {
        why << "protected ports must be non-zero";
    }
    else if (uePortC == uePortS || pcscfPortC == pcscfPortS)
    {
        why << "port-c and port-s of one side must differ";
    }
    else if (lifetime.IsStrictlyNegative())
    {
        why << "negative lifetime";
    }
    error = why.str();
    return error.empty();
}

std::ostream&
operator<<(std::ostream& os, const IpsecSaSetParameters& p)
{
    os << (p.side == IpsecSaSetParameters::Side::UE ? "UE" : "P-CSCF") << " side: UE "
       << p.ueAddress << "/" << +p.uePrefixLength << " spi-c=" << p.ueSpiC << " spi-s=" << p.ueSpiS
       << " port-c=" << p.uePortC << " port-s=" << p.uePortS << "; P-CSCF " << p.pcscfAddress
       << " spi-c=" << p.pcscfSpiC << " spi-s=" << p.pcscfSpiS << " port-c=" << p.pcscfPortC
       << " port-s=" << p.pcscfPortS << "; " << p.alg << " ealg=" << IpsecIntegrity::GetName(p.ealg)
       << " lifetime=" << p.lifetime.As(Time::S);
    return os;
}

} // namespace ns3
