/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-sec-agree.h"

#include "ns3/ipsec-sad.h"
#include "ns3/log.h"
#include "ns3/random-variable-stream.h"
#include "ns3/sip-text.h"

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

namespace
{

/// The suites defined: suite 1 of the 3GPP proposal (its section 2.4).  A new combination
/// would be a new number (the proposal's path to new algorithms).
const IpsecSuite SUITES[] = {
    {1, "hmac-md5-96", "null", "esp", "trans"},
};

} // namespace

std::optional<IpsecSuite>
ImsSecAgree::GetSuite(uint16_t number)
{
    for (const IpsecSuite& suite : SUITES)
    {
        if (suite.number == number)
        {
            return suite;
        }
    }
    return std::nullopt;
}

std::optional<uint16_t>
ImsSecAgree::FindSuite(const std::string& alg, const std::string& ealg)
{
    for (const IpsecSuite& suite : SUITES)
    {
        if (SipText::EqualsIgnoreCase(alg, suite.alg) &&
            SipText::EqualsIgnoreCase(ealg, suite.ealg))
        {
            return suite.number;
        }
    }
    return std::nullopt;
}

bool
ImsSecAgree::ResolveAlgorithms(const SecurityMechanism& m,
                               std::string* alg,
                               std::string* ealg,
                               std::string* error)
{
    auto fail = [error](const std::string& why) {
        if (error)
        {
            *error = why;
        }
        return false;
    };
    if (m.GetParams().Has("suite"))
    {
        std::optional<uint16_t> number = m.GetSuite();
        std::optional<IpsecSuite> suite = number ? GetSuite(*number) : std::nullopt;
        if (!suite)
        {
            return fail("unknown suite");
        }
        // Both forms at once must name the same algorithms.
        for (auto [given, implied] : {std::make_pair(m.GetAlgorithm(), suite->alg),
                                      std::make_pair(m.GetEncryptionAlgorithm(), suite->ealg),
                                      std::make_pair(m.GetProtocol(), suite->prot),
                                      std::make_pair(m.GetMode(), suite->mod)})
        {
            if (given && !SipText::EqualsIgnoreCase(*given, implied))
            {
                return fail("suite " + std::to_string(*number) + " contradicts " + *given);
            }
        }
        *alg = suite->alg;
        *ealg = suite->ealg;
        return true;
    }
    *alg = m.GetAlgorithm().value_or("");
    *ealg = m.GetEncryptionAlgorithm().value_or("null");
    return true;
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

bool
ImsSecAgree::DrawSpis(const IpsecSad* sad,
                      UniformRandomVariable& random,
                      uint32_t* spiC,
                      uint32_t* spiS)
{
    // 256..2^32-1 (RFC 4303 reserves 1..255); collisions with the SAD are rare at any scale
    // (2^32 values), so a few draws always suffice.
    auto draw = [&random, sad](uint32_t avoid) -> uint32_t {
        for (int attempt = 0; attempt < 64; ++attempt)
        {
            uint32_t spi = random.GetInteger(256, 0xffffffffu);
            if (spi != avoid && !(sad && sad->HasInboundSpi(spi)))
            {
                return spi;
            }
        }
        return 0;
    };
    uint32_t c = draw(0);
    uint32_t s = c == 0 ? 0 : draw(c);
    if (c == 0 || s == 0)
    {
        return false;
    }
    *spiC = c;
    *spiS = s;
    return true;
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
    // The server's choice of algorithms governs (it echoed one the UE offered), in either
    // form (alg/ealg or suite).
    IpsecSaSetParameters p;
    std::string alg;
    std::string ealg;
    std::string ueAlg;
    std::string ueEalg;
    if (!ResolveAlgorithms(pcscf, &alg, &ealg, error) ||
        !ResolveAlgorithms(ue, &ueAlg, &ueEalg, error))
    {
        return false;
    }
    if (alg.empty())
    {
        alg = ueAlg;
    }
    if (!IpsecIntegrity::Parse(alg, p.alg))
    {
        return fail("unsupported alg '" + alg + "'");
    }
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
