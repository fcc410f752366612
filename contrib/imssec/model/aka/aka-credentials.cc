/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "aka-credentials.h"

#include "milenage.h"

#include "ns3/abort.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace ns3
{

AkaCredentials
AkaCredentials::Derive(const std::string& privateIdentity, uint64_t seed, const AkaKey& op)
{
    uint8_t key[8];
    for (int i = 7; i >= 0; --i)
    {
        key[i] = static_cast<uint8_t>(seed & 0xff);
        seed >>= 8;
    }
    std::string message = "imssec-aka-k:" + privateIdentity;
    uint8_t digest[EVP_MAX_MD_SIZE];
    unsigned int digestLength = 0;
    NS_ABORT_MSG_IF(HMAC(EVP_sha256(),
                         key,
                         sizeof(key),
                         reinterpret_cast<const uint8_t*>(message.data()),
                         message.size(),
                         digest,
                         &digestLength) == nullptr ||
                        digestLength < 16,
                    "AkaCredentials: HMAC-SHA-256 failed");
    AkaCredentials credentials;
    std::copy(digest, digest + 16, credentials.k.begin());
    credentials.opc = Milenage::ComputeOpc(credentials.k, op);
    return credentials;
}

} // namespace ns3
