/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "aka-procedures.h"

namespace ns3
{

AkaVector
AkaProcedures::GenerateVector(const Milenage& milenage,
                              const AkaRand& rand,
                              uint64_t sqn,
                              const AkaAmf& amf)
{
    AkaVector vector;
    vector.rand = rand;
    vector.sqn = sqn & AKA_SQN_MAX;
    AkaSqn sqnOctets = AkaSqnFromUint64(vector.sqn);
    AkaAk ak;
    milenage.F2345(rand, vector.xres, vector.ck, vector.ik, ak);
    AkaMac mac = milenage.F1(rand, sqnOctets, amf);
    for (std::size_t i = 0; i < 6; ++i)
    {
        vector.autn[i] = sqnOctets[i] ^ ak[i];
    }
    std::copy(amf.begin(), amf.end(), vector.autn.begin() + 6);
    std::copy(mac.begin(), mac.end(), vector.autn.begin() + 8);
    return vector;
}

bool
AkaProcedures::OpenAutn(const Milenage& milenage,
                        const AkaRand& rand,
                        const AkaAutn& autn,
                        uint64_t& sqn,
                        AkaAmf& amf)
{
    AkaAk ak = milenage.F5(rand);
    AkaSqn sqnOctets;
    for (std::size_t i = 0; i < 6; ++i)
    {
        sqnOctets[i] = autn[i] ^ ak[i];
    }
    std::copy(autn.begin() + 6, autn.begin() + 8, amf.begin());
    sqn = AkaSqnToUint64(sqnOctets);
    AkaMac xmac = milenage.F1(rand, sqnOctets, amf);
    return std::equal(xmac.begin(), xmac.end(), autn.begin() + 8);
}

AkaAuts
AkaProcedures::BuildAuts(const Milenage& milenage, const AkaRand& rand, uint64_t sqnMs)
{
    AkaSqn sqnOctets = AkaSqnFromUint64(sqnMs);
    AkaAk akStar = milenage.F5Star(rand);
    AkaMac macS = milenage.F1Star(rand, sqnOctets, AkaAmf{0, 0});
    AkaAuts auts;
    for (std::size_t i = 0; i < 6; ++i)
    {
        auts[i] = sqnOctets[i] ^ akStar[i];
    }
    std::copy(macS.begin(), macS.end(), auts.begin() + 6);
    return auts;
}

bool
AkaProcedures::OpenAuts(const Milenage& milenage,
                        const AkaRand& rand,
                        const AkaAuts& auts,
                        uint64_t& sqnMs)
{
    AkaAk akStar = milenage.F5Star(rand);
    AkaSqn sqnOctets;
    for (std::size_t i = 0; i < 6; ++i)
    {
        sqnOctets[i] = auts[i] ^ akStar[i];
    }
    sqnMs = AkaSqnToUint64(sqnOctets);
    AkaMac xmacS = milenage.F1Star(rand, sqnOctets, AkaAmf{0, 0});
    return std::equal(xmacS.begin(), xmacS.end(), auts.begin() + 6);
}

uint64_t
AkaProcedures::GetSeq(uint64_t sqn, uint8_t indBits)
{
    return (sqn & AKA_SQN_MAX) >> indBits;
}

uint32_t
AkaProcedures::GetInd(uint64_t sqn, uint8_t indBits)
{
    return static_cast<uint32_t>(sqn & ((uint64_t{1} << indBits) - 1));
}

uint64_t
AkaProcedures::MakeSqn(uint64_t seq, uint32_t ind, uint8_t indBits)
{
    uint64_t mask = (uint64_t{1} << indBits) - 1;
    return ((seq << indBits) | (ind & mask)) & AKA_SQN_MAX;
}

} // namespace ns3
