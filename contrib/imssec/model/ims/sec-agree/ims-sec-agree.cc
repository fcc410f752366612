/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-sec-agree.h"

#include "ns3/log.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecImsSecAgree");

SecurityMechanism
ImsSecAgree::MakeIpsec3gpp(const std::string& alg,
                           uint32_t spiC,
                           uint32_t spiS,
                           uint16_t portC,
                           uint16_t portS,
                           std::optional<uint8_t> addrPrefLength,
                           std::optional<uint16_t> qThousandths)
{
    SecurityMechanism m(IPSEC_3GPP);
    if (qThousandths)
    {
        m.SetQThousandths(*qThousandths);
    }
    m.SetAlgorithm(alg);
    m.SetEncryptionAlgorithm("null");
    m.SetProtocol("esp");
    m.SetMode("trans");
    m.SetSpiC(spiC);
    m.SetSpiS(spiS);
    m.SetPortC(portC);
    m.SetPortS(portS);
    if (addrPrefLength)
    {
        m.SetAddrPrefLength(*addrPrefLength);
    }
    return m;
}

uint8_t
ImsSecAgree::ChooseSelectorLength(AddrPrefLengthPolicy policy,
                                  std::optional<uint8_t> requested,
                                  uint8_t minLength)
{
    switch (policy)
    {
    case AddrPrefLengthPolicy::HONOUR:
        return requested.value_or(128);
    case AddrPrefLengthPolicy::CLAMP:
        return std::max<uint8_t>(requested.value_or(128), std::min<uint8_t>(minLength, 128));
    case AddrPrefLengthPolicy::IGNORE:
        return 128;
    }
    return 128;
}

std::string
ImsSecAgree::GetPolicyName(AddrPrefLengthPolicy policy)
{
    switch (policy)
    {
    case AddrPrefLengthPolicy::HONOUR:
        return "honour";
    case AddrPrefLengthPolicy::CLAMP:
        return "clamp";
    case AddrPrefLengthPolicy::IGNORE:
        return "ignore";
    }
    return "?";
}

bool
ImsSecAgree::BuildSaSetParameters(const SecurityMechanism& ue,
                                  const SecurityMechanism& pcscf,
                                  IpsecSaSetParameters::Side side,
                                  Ipv6Address ueAddress,
                                  uint8_t uePrefixLength,
                                  Ipv6Address pcscfAddress,
                                  const IpsecIntegrity::AkaKey& ik,
                                  const IpsecIntegrity::AkaKey& ck,
                                  Time lifetime,
                                  IpsecSaSetParameters* out,
                                  std::string* error)
{
    NS_LOG_FUNCTION(ue.ToString() << pcscf.ToString() << ueAddress << +uePrefixLength);
    auto fail = [error](const std::string& why) {
        if (error)
        {
            *error = why;
        }
        return false;
    };
    if (!ue.IsNamed(IPSEC_3GPP) || !pcscf.IsNamed(IPSEC_3GPP))
    {
        return fail("not an ipsec-3gpp mechanism");
    }
    for (const SecurityMechanism* m : {&ue, &pcscf})
    {
        if (!m->GetSpiC() || !m->GetSpiS() || !m->GetPortC() || !m->GetPortS())
        {
            return fail(std::string(m == &ue ? "UE" : "P-CSCF") +
                        " mechanism lacks spi-c, spi-s, port-c or port-s");
        }
    }
    if (pcscf.GetProtocol().value_or("esp") != "esp" ||
        pcscf.GetMode().value_or("trans") != "trans")
    {
        return fail("only prot=esp and mod=trans are modeled");
    }
    // The server's choice of algorithms governs (it echoed one the UE offered).
    IpsecSaSetParameters p;
    std::string alg = pcscf.GetAlgorithm().value_or(ue.GetAlgorithm().value_or(""));
    if (!IpsecIntegrity::Parse(alg, p.alg))
    {
        return fail("unsupported alg '" + alg + "'");
    }
    std::string ealg = pcscf.GetEncryptionAlgorithm().value_or("null");
    if (!IpsecIntegrity::Parse(ealg, p.ealg))
    {
        return fail("unsupported ealg '" + ealg + "'");
    }
    if (uePrefixLength > 128)
    {
        return fail("selector prefix length above 128");
    }
    p.side = side;
    p.ueAddress = ueAddress;
    p.uePrefixLength = uePrefixLength;
    p.pcscfAddress = pcscfAddress;
    p.ueSpiC = *ue.GetSpiC();
    p.ueSpiS = *ue.GetSpiS();
    p.uePortC = *ue.GetPortC();
    p.uePortS = *ue.GetPortS();
    p.pcscfSpiC = *pcscf.GetSpiC();
    p.pcscfSpiS = *pcscf.GetSpiS();
    p.pcscfPortC = *pcscf.GetPortC();
    p.pcscfPortS = *pcscf.GetPortS();
    p.protocol = 17;
    p.ik = ik;
    p.ck = ck;
    p.lifetime = lifetime;
    std::string invalid;
    if (!p.Validate(invalid))
    {
        return fail(invalid);
    }
    *out = p;
    return true;
}

} // namespace ns3
