/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MILENAGE_H
#define MILENAGE_H

#include "aka-types.h"

#include <memory>

// OpenSSL's cipher context, kept out of this header.
struct evp_cipher_ctx_st;

namespace ns3
{

/**
 * \ingroup imssec
 * The 3GPP MILENAGE algorithm set (TS 35.206): f1, f1*, f2, f3, f4, f5, f5* and OPc.
 *
 * The kernel function E_K is AES-128 (one block, ECB, no padding) from OpenSSL's libcrypto
 * (EVP interface); the rotation amounts r1..r5 and constants c1..c5 are the defaults of
 * TS 35.206 section 4.1 (r1 = 64, r2 = 0, r3 = 32, r4 = 64, r5 = 96; c1 = 0, c2 = 1, c3 = 2,
 * c4 = 4, c5 = 8 in the last octet).  An instance holds one subscriber's K (as an expanded
 * AES key) and OPc; it is cheap to create and is not copyable.
 *
 * Results are validated against the TS 35.208 / TS 35.207 test sets (imssec-aka-milenage).
 */
class Milenage
{
  public:
    /**
     * \param k the subscriber key K
     * \param opc OPc, derived from K and the operator's OP (see ComputeOpc)
     */
    Milenage(const AkaKey& k, const AkaKey& opc);
    ~Milenage();
    Milenage(const Milenage&) = delete;
    Milenage& operator=(const Milenage&) = delete;

    /**
     * OPc = OP xor E_K(OP) (TS 35.206 section 4.1).
     * \param k the subscriber key K
     * \param op the operator variant algorithm configuration field OP
     * \returns OPc
     */
    static AkaKey ComputeOpc(const AkaKey& k, const AkaKey& op);

    /**
     * f1: network authentication code MAC-A.
     * \param rand RAND
     * \param sqn SQN
     * \param amf AMF
     * \returns MAC-A
     */
    AkaMac F1(const AkaRand& rand, const AkaSqn& sqn, const AkaAmf& amf) const;

    /**
     * f1*: re-synchronisation message authentication code MAC-S.
     * \param rand RAND
     * \param sqn SQN (SQN_MS in a re-synchronisation)
     * \param amf AMF (all zeros in a re-synchronisation, TS 33.102 section 6.3.3)
     * \returns MAC-S
     */
    AkaMac F1Star(const AkaRand& rand, const AkaSqn& sqn, const AkaAmf& amf) const;

    /**
     * f2, f3, f4 and f5 in one pass (they share E_K(RAND xor OPc)).
     * \param rand RAND
     * \param res receives RES (f2)
     * \param ck receives CK (f3)
     * \param ik receives IK (f4)
     * \param ak receives AK (f5)
     */
    void F2345(const AkaRand& rand, AkaRes& res, AkaKey& ck, AkaKey& ik, AkaAk& ak) const;

    /**
     * \param rand RAND
     * \returns RES = f2(K, RAND)
     */
    AkaRes F2(const AkaRand& rand) const;

    /**
     * \param rand RAND
     * \returns CK = f3(K, RAND)
     */
    AkaKey F3(const AkaRand& rand) const;

    /**
     * \param rand RAND
     * \returns IK = f4(K, RAND)
     */
    AkaKey F4(const AkaRand& rand) const;

    /**
     * \param rand RAND
     * \returns AK = f5(K, RAND)
     */
    AkaAk F5(const AkaRand& rand) const;

    /**
     * \param rand RAND
     * \returns AK* = f5*(K, RAND), the anonymity key of a re-synchronisation
     */
    AkaAk F5Star(const AkaRand& rand) const;

  private:
    /// One AES-128 block: out = E_K(in).
    using Block = std::array<uint8_t, 16>;

    /**
     * \param in plaintext block
     * \returns E_K(in)
     */
    Block Encrypt(const Block& in) const;

    /**
     * TEMP = E_K(RAND xor OPc).
     * \param rand RAND
     * \returns TEMP
     */
    Block Temp(const AkaRand& rand) const;

    /**
     * OUT1 of TS 35.206 (f1 and f1*).
     * \param rand RAND
     * \param sqn SQN
     * \param amf AMF
     * \returns OUT1
     */
    Block Out1(const AkaRand& rand, const AkaSqn& sqn, const AkaAmf& amf) const;

    /**
     * OUTn = E_K(rot(TEMP xor OPc, r) xor c) xor OPc, for n = 2..5.
     * \param temp TEMP
     * \param rotateOctets r / 8
     * \param constant last octet of c (c has all other bits zero)
     * \returns OUTn
     */
    Block OutN(const Block& temp, std::size_t rotateOctets, uint8_t constant) const;

    /// Frees an OpenSSL cipher context.
    struct ContextDeleter
    {
        /// \param ctx the context
        void operator()(evp_cipher_ctx_st* ctx) const;
    };

    std::unique_ptr<evp_cipher_ctx_st, ContextDeleter> m_ctx; //!< AES-128-ECB keyed with K
    AkaKey m_opc;                                             //!< OPc
};

} // namespace ns3

#endif /* MILENAGE_H */
