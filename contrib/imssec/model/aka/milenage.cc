/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "milenage.h"

#include "ns3/abort.h"

#include <openssl/evp.h>

namespace ns3
{

void
Milenage::ContextDeleter::operator()(evp_cipher_ctx_st* ctx) const
{
    EVP_CIPHER_CTX_free(ctx);
}

Milenage::Milenage(const AkaKey& k, const AkaKey& opc)
    : m_ctx(EVP_CIPHER_CTX_new()),
      m_opc(opc)
{
    // The key schedule is computed once here; ECB without padding keeps no state between
    // blocks, so every Encrypt() reuses the same context.
    NS_ABORT_MSG_IF(!m_ctx, "Milenage: EVP_CIPHER_CTX_new failed");
    NS_ABORT_MSG_IF(
        EVP_EncryptInit_ex(m_ctx.get(), EVP_aes_128_ecb(), nullptr, k.data(), nullptr) != 1,
        "Milenage: AES-128-ECB initialisation failed");
    NS_ABORT_MSG_IF(EVP_CIPHER_CTX_set_padding(m_ctx.get(), 0) != 1,
                    "Milenage: cannot disable padding");
}

Milenage::~Milenage() = default;

Milenage::Block
Milenage::Encrypt(const Block& in) const
{
    Block out;
    int length = 0;
    NS_ABORT_MSG_IF(EVP_EncryptUpdate(m_ctx.get(), out.data(), &length, in.data(), in.size()) !=
                            1 ||
                        length != static_cast<int>(out.size()),
                    "Milenage: AES-128 block encryption failed");
    return out;
}

AkaKey
Milenage::ComputeOpc(const AkaKey& k, const AkaKey& op)
{
    // E_K(OP) through the same kernel; OPc itself is not needed for it.
    Milenage kernel(k, AkaKey{});
    Block opc = kernel.Encrypt(op);
    for (std::size_t i = 0; i < opc.size(); ++i)
    {
        opc[i] ^= op[i];
    }
    return opc;
}

Milenage::Block
Milenage::Temp(const AkaRand& rand) const
{
    Block in;
    for (std::size_t i = 0; i < in.size(); ++i)
    {
        in[i] = rand[i] ^ m_opc[i];
    }
    return Encrypt(in);
}

Milenage::Block
Milenage::Out1(const AkaRand& rand, const AkaSqn& sqn, const AkaAmf& amf) const
{
    Block temp = Temp(rand);
    // IN1 = SQN || AMF || SQN || AMF
    Block in1;
    std::copy(sqn.begin(), sqn.end(), in1.begin());
    std::copy(amf.begin(), amf.end(), in1.begin() + 6);
    std::copy(sqn.begin(), sqn.end(), in1.begin() + 8);
    std::copy(amf.begin(), amf.end(), in1.begin() + 14);
    // OUT1 = E_K(TEMP xor rot(IN1 xor OPc, r1)) xor OPc with r1 = 64 bits and c1 = 0.
    // rot(x, r)[i] = x[(i + r/8) mod 16]: a cyclic rotation toward the most significant bit.
    Block x;
    for (std::size_t i = 0; i < x.size(); ++i)
    {
        std::size_t j = (i + 8) % 16;
        x[i] = temp[i] ^ in1[j] ^ m_opc[j];
    }
    Block out = Encrypt(x);
    for (std::size_t i = 0; i < out.size(); ++i)
    {
        out[i] ^= m_opc[i];
    }
    return out;
}

Milenage::Block
Milenage::OutN(const Block& temp, std::size_t rotateOctets, uint8_t constant) const
{
    Block x;
    for (std::size_t i = 0; i < x.size(); ++i)
    {
        std::size_t j = (i + rotateOctets) % 16;
        x[i] = temp[j] ^ m_opc[j];
    }
    x[15] ^= constant;
    Block out = Encrypt(x);
    for (std::size_t i = 0; i < out.size(); ++i)
    {
        out[i] ^= m_opc[i];
    }
    return out;
}

AkaMac
Milenage::F1(const AkaRand& rand, const AkaSqn& sqn, const AkaAmf& amf) const
{
    Block out1 = Out1(rand, sqn, amf);
    AkaMac mac;
    std::copy(out1.begin(), out1.begin() + 8, mac.begin());
    return mac;
}

AkaMac
Milenage::F1Star(const AkaRand& rand, const AkaSqn& sqn, const AkaAmf& amf) const
{
    Block out1 = Out1(rand, sqn, amf);
    AkaMac mac;
    std::copy(out1.begin() + 8, out1.end(), mac.begin());
    return mac;
}

void
Milenage::F2345(const AkaRand& rand, AkaRes& res, AkaKey& ck, AkaKey& ik, AkaAk& ak) const
{
    Block temp = Temp(rand);
    // OUT2: r2 = 0, c2 = 1; f5 = OUT2[0..47], f2 = OUT2[64..127]
    Block out2 = OutN(temp, 0, 0x01);
    std::copy(out2.begin(), out2.begin() + 6, ak.begin());
    std::copy(out2.begin() + 8, out2.end(), res.begin());
    // OUT3: r3 = 32, c3 = 2; f3 = OUT3
    ck = OutN(temp, 4, 0x02);
    // OUT4: r4 = 64, c4 = 4; f4 = OUT4
    ik = OutN(temp, 8, 0x04);
}

AkaRes
Milenage::F2(const AkaRand& rand) const
{
    Block out2 = OutN(Temp(rand), 0, 0x01);
    AkaRes res;
    std::copy(out2.begin() + 8, out2.end(), res.begin());
    return res;
}

AkaKey
Milenage::F3(const AkaRand& rand) const
{
    return OutN(Temp(rand), 4, 0x02);
}

AkaKey
Milenage::F4(const AkaRand& rand) const
{
    return OutN(Temp(rand), 8, 0x04);
}

AkaAk
Milenage::F5(const AkaRand& rand) const
{
    Block out2 = OutN(Temp(rand), 0, 0x01);
    AkaAk ak;
    std::copy(out2.begin(), out2.begin() + 6, ak.begin());
    return ak;
}

AkaAk
Milenage::F5Star(const AkaRand& rand) const
{
    // OUT5: r5 = 96, c5 = 8; f5* = OUT5[0..47]
    Block out5 = OutN(Temp(rand), 12, 0x08);
    AkaAk ak;
    std::copy(out5.begin(), out5.begin() + 6, ak.begin());
    return ak;
}

} // namespace ns3
