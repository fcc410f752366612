/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "pcscf-sec-agree-server.h"

#include "ns3/ipsec-sad.h"
#include "ns3/log.h"
#include "ns3/random-variable-stream.h"

#include <algorithm>
#include <cctype>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecPcscfSecAgreeServer");

namespace
{

/**
 * \param text a parameter value
 * \returns the value in lower case
 */
std::string
Lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    return text;
}

} // namespace

void
PcscfSecAgreeServer::SetConfig(const Config& config)
{
    m_config = config;
}

const PcscfSecAgreeServer::Config&
PcscfSecAgreeServer::GetConfig() const
{
    return m_config;
}

bool
PcscfSecAgreeServer::ParseAlgorithmList(const std::string& text,
                                        std::vector<IpsecIntegrityAlgorithm>* out)
{
    std::vector<IpsecIntegrityAlgorithm> list;
    size_t start = 0;
    while (start <= text.size())
    {
        size_t comma = text.find(',', start);
        std::string item =
            text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        // trim
        size_t b = item.find_first_not_of(" \t");
        size_t e = item.find_last_not_of(" \t");
        item = b == std::string::npos ? std::string() : item.substr(b, e - b + 1);
        IpsecIntegrityAlgorithm alg;
        if (item.empty() || !IpsecIntegrity::Parse(item, alg))
        {
            return false;
        }
        if (std::find(list.begin(), list.end(), alg) == list.end())
        {
            list.push_back(alg);
        }
        if (comma == std::string::npos)
        {
            break;
        }
        start = comma + 1;
    }
    if (list.empty())
    {
        return false;
    }
    *out = list;
    return true;
}

std::vector<SecurityMechanism>
PcscfSecAgreeServer::GetStaticServerList() const
{
    std::vector<SecurityMechanism> list;
    auto n = static_cast<uint16_t>(m_config.algorithms.size());
    for (uint16_t i = 0; i < n; ++i)
    {
        SecurityMechanism m(ImsSecAgree::IPSEC_3GPP);
        // Distinct q values (RFC 3329 2.2), highest for the preferred algorithm.
        m.SetQThousandths(static_cast<uint16_t>(std::min<uint32_t>(100u * (n - i), 1000u)));
        m.SetAlgorithm(IpsecIntegrity::GetName(m_config.algorithms[i]));
        m.SetEncryptionAlgorithm("null");
        m.SetProtocol("esp");
        m.SetMode("trans");
        m.SetPortC(m_config.portC);
        m.SetPortS(m_config.portS);
        list.push_back(m);
    }
    return list;
}

bool
PcscfSecAgreeServer::ChooseOffer(const std::vector<SecurityMechanism>& client,
                                 PcscfRegistration::Offer* offer,
                                 std::string* why) const
{
    const SecurityMechanism* best = nullptr;
    size_t bestRank = m_config.algorithms.size();
    IpsecIntegrityAlgorithm bestAlg = IpsecIntegrityAlgorithm::HMAC_SHA1_96;
    for (const SecurityMechanism& m : client)
    {
        if (!m.IsNamed(ImsSecAgree::IPSEC_3GPP))
        {
            continue;
        }
        if (!m.GetSpiC() || !m.GetSpiS() || !m.GetPortC() || !m.GetPortS() || *m.GetSpiC() < 256 ||
            *m.GetSpiS() < 256 || *m.GetSpiC() == *m.GetSpiS() || *m.GetPortC() == 0 ||
            *m.GetPortS() == 0 || *m.GetPortC() == *m.GetPortS())
        {
            continue; // TS 33.203 7.2: the UE's SPIs and ports are mandatory
        }
        if (Lower(m.GetEncryptionAlgorithm().value_or("null")) != "null" ||
            Lower(m.GetProtocol().value_or("esp")) != "esp" ||
            Lower(m.GetMode().value_or("trans")) != "trans")
        {
            continue; // only ESP transport mode with null encryption is modeled
        }
        IpsecIntegrityAlgorithm alg;
        if (!m.GetAlgorithm() || !IpsecIntegrity::Parse(*m.GetAlgorithm(), alg))
        {
            continue;
        }
        auto it = std::find(m_config.algorithms.begin(), m_config.algorithms.end(), alg);
        auto rank = static_cast<size_t>(it - m_config.algorithms.begin());
        if (rank < bestRank)
        {
            best = &m;
            bestRank = rank;
            bestAlg = alg;
        }
    }
    if (!best)
    {
        if (why)
        {
            *why = "no ipsec-3gpp mechanism of Security-Client is supported";
        }
        return false;
    }
    offer->ueSpiC = *best->GetSpiC();
    offer->ueSpiS = *best->GetSpiS();
    offer->uePortC = *best->GetPortC();
    offer->uePortS = *best->GetPortS();
    offer->alg = bestAlg;
    offer->addrPrefLength = best->GetAddrPrefLength();
    return true;
}

uint8_t
PcscfSecAgreeServer::GetSelectorLength(const PcscfRegistration::Offer& offer) const
{
    return ImsSecAgree::ChooseSelectorLength(m_config.policy,
                                             offer.addrPrefLength,
                                             m_config.minAddrPrefLength);
}

bool
PcscfSecAgreeServer::EchoesAddrPrefLength(const PcscfRegistration::Offer& offer) const
{
    return m_config.policy != AddrPrefLengthPolicy::IGNORE && offer.addrPrefLength.has_value();
}

bool
PcscfSecAgreeServer::ChooseSpis(const IpsecSad& sad,
                                UniformRandomVariable& random,
                                uint32_t* spiC,
                                uint32_t* spiS)
{
    // 256..2^32-1 (RFC 4303 reserves 1..255); collisions with the SAD are rare at any scale
    // (2^32 values), so a few draws always suffice.
    auto draw = [&random, &sad](uint32_t avoid) -> uint32_t {
        for (int attempt = 0; attempt < 64; ++attempt)
        {
            uint32_t spi = random.GetInteger(256, 0xffffffffu);
            if (spi != avoid && !sad.HasInboundSpi(spi))
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

SecurityMechanism
PcscfSecAgreeServer::MakeServerMechanism(IpsecIntegrityAlgorithm alg,
                                         uint32_t spiC,
                                         uint32_t spiS,
                                         std::optional<uint8_t> echoedLength) const
{
    return ImsSecAgree::MakeIpsec3gpp(IpsecIntegrity::GetName(alg),
                                      spiC,
                                      spiS,
                                      m_config.portC,
                                      m_config.portS,
                                      echoedLength,
                                      uint16_t{100});
}

std::vector<SecurityMechanism>
PcscfSecAgreeServer::GetServerList(const IpsecSaSetParameters& p, bool echoed) const
{
    std::optional<uint8_t> length;
    if (echoed)
    {
        length = p.uePrefixLength;
    }
    return {ImsSecAgree::MakeIpsec3gpp(IpsecIntegrity::GetName(p.alg),
                                       p.pcscfSpiC,
                                       p.pcscfSpiS,
                                       p.pcscfPortC,
                                       p.pcscfPortS,
                                       length,
                                       uint16_t{100})};
}

bool
PcscfSecAgreeServer::BuildSaSet(const PcscfRegistration::Offer& offer,
                                uint32_t spiC,
                                uint32_t spiS,
                                const IpsecIntegrity::AkaKey& ik,
                                const IpsecIntegrity::AkaKey& ck,
                                Time lifetime,
                                IpsecSaSetParameters* out,
                                SecurityMechanism* serverMechanism,
                                std::string* error) const
{
    NS_LOG_FUNCTION(offer.ueAddress << spiC << spiS);
    uint8_t length = GetSelectorLength(offer);
    std::optional<uint8_t> echoed;
    if (EchoesAddrPrefLength(offer))
    {
        echoed = length;
    }
    SecurityMechanism ue = ImsSecAgree::MakeIpsec3gpp(IpsecIntegrity::GetName(offer.alg),
                                                      offer.ueSpiC,
                                                      offer.ueSpiS,
                                                      offer.uePortC,
                                                      offer.uePortS,
                                                      offer.addrPrefLength,
                                                      std::nullopt);
    SecurityMechanism server = MakeServerMechanism(offer.alg, spiC, spiS, echoed);
    if (!ImsSecAgree::BuildSaSetParameters(ue,
                                           server,
                                           IpsecSaSetParameters::Side::PCSCF,
                                           offer.ueAddress,
                                           length,
                                           offer.pcscfAddress,
                                           ik,
                                           ck,
                                           lifetime,
                                           out,
                                           error))
    {
        return false;
    }
    *serverMechanism = server;
    return true;
}

} // namespace ns3
