/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-integrity.h"

#include "ns3/abort.h"
#include "ns3/log.h"

#include <algorithm>
#include <cctype>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecIpsecIntegrity");

namespace
{

/**
 * One HMAC context per digest, created on first use in each thread and re-keyed per packet:
 * fetching the algorithm is far more expensive than the HMAC of a SIP message.
 */
class MacContexts
{
  public:
    MacContexts()
    {
        m_mac = EVP_MAC_fetch(nullptr, OSSL_MAC_NAME_HMAC, nullptr);
        NS_ABORT_MSG_IF(m_mac == nullptr, "libcrypto has no HMAC");
        m_sha1 = NewContext("SHA1");
        m_md5 = NewContext("MD5");
    }

    ~MacContexts()
    {
        EVP_MAC_CTX_free(m_sha1);
        EVP_MAC_CTX_free(m_md5);
        EVP_MAC_free(m_mac);
    }

    MacContexts(const MacContexts&) = delete;
    MacContexts& operator=(const MacContexts&) = delete;

    EVP_MAC_CTX* Get(IpsecIntegrityAlgorithm alg)
    {
        return alg == IpsecIntegrityAlgorithm::HMAC_SHA1_96 ? m_sha1 : m_md5;
    }

  private:
    EVP_MAC_CTX* NewContext(const char* digest)
    {
        EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(m_mac);
        NS_ABORT_MSG_IF(ctx == nullptr, "EVP_MAC_CTX_new failed");
        OSSL_PARAM params[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>(digest), 0),
            OSSL_PARAM_construct_end()};
        NS_ABORT_MSG_IF(EVP_MAC_CTX_set_params(ctx, params) != 1,
                        "libcrypto cannot do HMAC with " << digest);
        return ctx;
    }

    EVP_MAC* m_mac{nullptr};
    EVP_MAC_CTX* m_sha1{nullptr};
    EVP_MAC_CTX* m_md5{nullptr};
};

std::string
Lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

} // namespace

std::string
IpsecIntegrity::GetName(IpsecIntegrityAlgorithm alg)
{
    switch (alg)
    {
    case IpsecIntegrityAlgorithm::HMAC_SHA1_96:
        return "hmac-sha-1-96";
    case IpsecIntegrityAlgorithm::HMAC_MD5_96:
        return "hmac-md5-96";
    }
    return "unknown";
}

bool
IpsecIntegrity::Parse(const std::string& name, IpsecIntegrityAlgorithm& alg)
{
    std::string n = Lower(name);
    if (n == "hmac-sha-1-96")
    {
        alg = IpsecIntegrityAlgorithm::HMAC_SHA1_96;
        return true;
    }
    if (n == "hmac-md5-96")
    {
        alg = IpsecIntegrityAlgorithm::HMAC_MD5_96;
        return true;
    }
    return false;
}

std::string
IpsecIntegrity::GetName(IpsecEncryptionAlgorithm ealg)
{
    switch (ealg)
    {
    case IpsecEncryptionAlgorithm::NULL_ENCRYPTION:
        return "null";
    }
    return "unknown";
}

bool
IpsecIntegrity::Parse(const std::string& name, IpsecEncryptionAlgorithm& ealg)
{
    if (Lower(name) == "null")
    {
        ealg = IpsecEncryptionAlgorithm::NULL_ENCRYPTION;
        return true;
    }
    return false;
}

uint32_t
IpsecIntegrity::GetKeyLength(IpsecIntegrityAlgorithm alg)
{
    return alg == IpsecIntegrityAlgorithm::HMAC_SHA1_96 ? 20 : 16;
}

IpsecIntegrity::Key
IpsecIntegrity::DeriveEspKey(IpsecIntegrityAlgorithm alg, const AkaKey& ik)
{
    NS_LOG_FUNCTION(alg);
    // TS 33.203 7.1: IK_ESP = IK_IM for HMAC-MD5-96; IK_IM || 0^32 for HMAC-SHA-1-96.  The
    // zero-filled array gives the 32 zero bits.
    Key key{};
    std::copy(ik.begin(), ik.end(), key.begin());
    return key;
}

bool
IpsecIntegrity::ComputeIcv(IpsecIntegrityAlgorithm alg,
                           const uint8_t* key,
                           uint32_t keyLength,
                           const uint8_t* data,
                           uint32_t length,
                           uint8_t* icv)
{
    thread_local MacContexts contexts;
    EVP_MAC_CTX* ctx = contexts.Get(alg);
    uint8_t mac[EVP_MAX_MD_SIZE];
    size_t macLength = 0;
    if (EVP_MAC_init(ctx, key, keyLength, nullptr) != 1 || EVP_MAC_update(ctx, data, length) != 1 ||
        EVP_MAC_final(ctx, mac, &macLength, sizeof(mac)) != 1 || macLength < ICV_LENGTH)
    {
        NS_LOG_ERROR("libcrypto HMAC failed");
        return false;
    }
    std::copy(mac, mac + ICV_LENGTH, icv);
    return true;
}

bool
IpsecIntegrity::VerifyIcv(IpsecIntegrityAlgorithm alg,
                          const uint8_t* key,
                          uint32_t keyLength,
                          const uint8_t* data,
                          uint32_t length,
                          const uint8_t* icv)
{
    uint8_t expected[ICV_LENGTH];
    if (!ComputeIcv(alg, key, keyLength, data, length, expected))
    {
        return false;
    }
    return CRYPTO_memcmp(expected, icv, ICV_LENGTH) == 0;
}

std::ostream&
operator<<(std::ostream& os, IpsecIntegrityAlgorithm alg)
{
    return os << IpsecIntegrity::GetName(alg);
}

} // namespace ns3
