/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "pcscf-sec-agree-server.h"

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
PcscfSecAgreeServer::MakeList(std::optional<std::pair<uint32_t, uint32_t>> spis,
                              std::optional<uint8_t> echoedLength) const
{
    // RFC 3329 2.3.1: "The server's list MUST NOT depend on the contents of the client's
    // list": every mechanism the server supports, whatever the UE offered; the UE chooses
    // (highest q among those it supports, RFC 3329 2.3.1 and TS 33.203 7.2).  Only the SPIs
    // of the set made for this UE and the echo of the addr-pref-length extension are
    // per UE.
    std::vector<SecurityMechanism> list;
    auto n = static_cast<uint16_t>(m_config.algorithms.size());
    for (uint16_t i = 0; i < n; ++i)
    {
        // Distinct q values (RFC 3329 2.2), highest for the preferred algorithm.
        auto q = static_cast<uint16_t>(std::min<uint32_t>(100u * (n - i), 1000u));
        SecurityMechanism m(ImsSecAgree::IPSEC_3GPP);
        m.SetQThousandths(q);
        m.SetAlgorithm(IpsecIntegrity::GetName(m_config.algorithms[i]));
        m.SetEncryptionAlgorithm("null");
        std::optional<uint16_t> suite =
            ImsSecAgree::FindSuite(IpsecIntegrity::GetName(m_config.algorithms[i]), "null");
        if (m_config.offerSuites && suite)
        {
            m.SetSuite(*suite); // beside alg/ealg: understood with or without suites
        }
        m.SetProtocol("esp");
        m.SetMode("trans");
        if (spis)
        {
            m.SetSpiC(spis->first);
            m.SetSpiS(spis->second);
        }
        m.SetPortC(m_config.portC);
        m.SetPortS(m_config.portS);
        if (echoedLength)
        {
            m.SetAddrPrefLength(*echoedLength);
        }
        list.push_back(m);
    }
    return list;
}

std::vector<SecurityMechanism>
PcscfSecAgreeServer::GetStaticServerList() const
{
    return MakeList(std::nullopt, std::nullopt);
}

bool
PcscfSecAgreeServer::ChooseOffer(const std::vector<SecurityMechanism>& client,
                                 PcscfRegistration::Offer* offer,
                                 std::string* why) const
{
    const SecurityMechanism* best = nullptr;
    size_t bestRank = m_config.algorithms.size();
    IpsecIntegrityAlgorithm bestAlg = IpsecIntegrityAlgorithm::HMAC_SHA1_96;
    std::optional<uint8_t> tooWide;
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
        // alg and ealg, or a suite naming them (the seed's form, decoded beside them)
        std::string algName;
        std::string ealgName;
        if (!ImsSecAgree::ResolveAlgorithms(m, &algName, &ealgName) || Lower(ealgName) != "null" ||
            Lower(m.GetProtocol().value_or("esp")) != "esp" ||
            Lower(m.GetMode().value_or("trans")) != "trans")
        {
            continue; // only ESP transport mode with null encryption is modeled
        }
        IpsecIntegrityAlgorithm alg;
        if (!IpsecIntegrity::Parse(algName, alg))
        {
            continue;
        }
        if (IsWiderThanAllocation(m.GetAddrPrefLength()))
        {
            tooWide = m.GetAddrPrefLength();
            continue; // refused: SAs on a shorter prefix would cover other UEs' prefixes
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
        if (why && tooWide)
        {
            *why = "addr-pref-length " + std::to_string(+*tooWide) + " is shorter than the /" +
                   std::to_string(+m_config.allocatedPrefixLength) + " allocated to the UE";
        }
        else if (why)
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

bool
PcscfSecAgreeServer::IsWiderThanAllocation(std::optional<uint8_t> requested) const
{
    return m_config.widerThanAllocation == WiderThanAllocation::REFUSE &&
           m_config.policy != AddrPrefLengthPolicy::IGNORE && requested &&
           *requested < m_config.allocatedPrefixLength;
}

uint8_t
PcscfSecAgreeServer::GetSelectorLength(const PcscfRegistration::Offer& offer) const
{
    uint8_t length = ImsSecAgree::ChooseSelectorLength(m_config.policy,
                                                       offer.addrPrefLength,
                                                       m_config.minAddrPrefLength);
    // The UE owns only the prefix the GGSN allocated to it (TS 23.060 9.2.1.1, TS 29.061
    // 11.2.1.3): a shorter selector would let its SAs carry other UEs' addresses.
    return std::max<uint8_t>(length, std::min<uint8_t>(m_config.allocatedPrefixLength, 128));
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
    return ImsSecAgree::DrawSpis(&sad, random, spiC, spiS);
}

SecurityMechanism
PcscfSecAgreeServer::MakeServerMechanism(IpsecIntegrityAlgorithm alg,
                                         uint32_t spiC,
                                         uint32_t spiS,
                                         std::optional<uint8_t> echoedLength) const
{
    std::vector<SecurityMechanism> list = MakeList(std::make_pair(spiC, spiS), echoedLength);
    for (const SecurityMechanism& m : list)
    {
        if (m.GetAlgorithm() == IpsecIntegrity::GetName(alg))
        {
            return m;
        }
    }
    // An algorithm outside the configuration (a caller's choice): the same form, lowest q.
    return ImsSecAgree::MakeIpsec3gpp(IpsecIntegrity::GetName(alg),
                                      spiC,
                                      spiS,
                                      m_config.portC,
                                      m_config.portS,
                                      echoedLength,
                                      std::nullopt);
}

std::vector<SecurityMechanism>
PcscfSecAgreeServer::GetServerList(const IpsecSaSetParameters& p, bool echoed) const
{
    std::optional<uint8_t> length;
    if (echoed)
    {
        length = p.uePrefixLength;
    }
    return MakeList(std::make_pair(p.pcscfSpiC, p.pcscfSpiS), length);
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
