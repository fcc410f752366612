/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "digest-aka.h"

#include "ns3/abort.h"

#include <cctype>
#include <openssl/evp.h>

namespace ns3
{

const std::string DigestAka::ALGORITHM = "AKAv1-MD5";

std::string
DigestAka::Base64Encode(const uint8_t* data, std::size_t length)
{
    if (length == 0)
    {
        return "";
    }
    // EVP_EncodeBlock writes 4 characters per 3 octets (rounded up) and a terminating NUL.
    std::string text(4 * ((length + 2) / 3) + 1, '\0');
    int written =
        EVP_EncodeBlock(reinterpret_cast<unsigned char*>(&text[0]), data, static_cast<int>(length));
    NS_ABORT_MSG_IF(written < 0, "DigestAka: EVP_EncodeBlock failed");
    text.resize(written);
    return text;
}

std::string
DigestAka::Base64Encode(const std::vector<uint8_t>& data)
{
    return Base64Encode(data.data(), data.size());
}

/**
 * \param c a character
 * \returns whether it belongs to the base64 alphabet of RFC 4648 section 4 (without '=')
 */
static bool
IsBase64Character(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/';
}

bool
DigestAka::Base64Decode(const std::string& text, std::vector<uint8_t>& out)
{
    out.clear();
    if (text.size() % 4 != 0)
    {
        return false;
    }
    if (text.empty())
    {
        return true;
    }
    // EVP_DecodeBlock tolerates surrounding white space and returns the padding positions
    // as zero octets, so the text is checked here and the padding subtracted below.
    std::size_t padding = 0;
    if (text[text.size() - 1] == '=')
    {
        padding = text[text.size() - 2] == '=' ? 2 : 1;
    }
    for (std::size_t i = 0; i < text.size() - padding; ++i)
    {
        if (!IsBase64Character(text[i]))
        {
            return false;
        }
    }
    std::vector<uint8_t> decoded(3 * (text.size() / 4));
    int length = EVP_DecodeBlock(decoded.data(),
                                 reinterpret_cast<const unsigned char*>(text.data()),
                                 static_cast<int>(text.size()));
    if (length < 0 || static_cast<std::size_t>(length) != decoded.size())
    {
        return false;
    }
    decoded.resize(decoded.size() - padding);
    out = std::move(decoded);
    return true;
}

std::string
DigestAka::Md5Hex(const std::string& data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    NS_ABORT_MSG_IF(EVP_Digest(data.data(), data.size(), digest, &length, EVP_md5(), nullptr) !=
                            1 ||
                        length != 16,
                    "DigestAka: MD5 failed");
    return AkaToHex(digest, length);
}

std::string
DigestAka::BuildNonce(const AkaRand& rand,
                      const AkaAutn& autn,
                      const std::vector<uint8_t>& serverData)
{
    std::vector<uint8_t> octets(rand.begin(), rand.end());
    octets.insert(octets.end(), autn.begin(), autn.end());
    octets.insert(octets.end(), serverData.begin(), serverData.end());
    return Base64Encode(octets);
}

bool
DigestAka::ParseNonce(const std::string& nonce,
                      AkaRand& rand,
                      AkaAutn& autn,
                      std::vector<uint8_t>& serverData)
{
    std::vector<uint8_t> octets;
    if (!Base64Decode(nonce, octets) || octets.size() < rand.size() + autn.size())
    {
        return false;
    }
    std::copy(octets.begin(), octets.begin() + 16, rand.begin());
    std::copy(octets.begin() + 16, octets.begin() + 32, autn.begin());
    serverData.assign(octets.begin() + 32, octets.end());
    return true;
}

std::string
DigestAka::EncodeAuts(const AkaAuts& auts)
{
    return Base64Encode(auts.data(), auts.size());
}

bool
DigestAka::DecodeAuts(const std::string& text, AkaAuts& auts)
{
    std::vector<uint8_t> octets;
    if (!Base64Decode(text, octets) || octets.size() != auts.size())
    {
        return false;
    }
    std::copy(octets.begin(), octets.end(), auts.begin());
    return true;
}

std::string
DigestAka::ComputeResponse(const Parameters& parameters,
                           const uint8_t* password,
                           std::size_t length)
{
    const Parameters& p = parameters;
    std::string a2 = p.method + ":" + p.uri;
    if (p.qop == "auth-int")
    {
        a2 += ":" + Md5Hex(p.entityBody);
    }
    else if (!p.qop.empty() && p.qop != "auth")
    {
        return "";
    }
    std::string a1 = p.username + ":" + p.realm + ":";
    a1.append(reinterpret_cast<const char*>(password), length);
    std::string ha1 = Md5Hex(a1);
    std::string ha2 = Md5Hex(a2);
    if (p.qop.empty())
    {
        // RFC 2069 compatibility form (RFC 2617 section 3.2.2.1).
        return Md5Hex(ha1 + ":" + p.nonce + ":" + ha2);
    }
    return Md5Hex(ha1 + ":" + p.nonce + ":" + p.nc + ":" + p.cnonce + ":" + p.qop + ":" + ha2);
}

std::string
DigestAka::ComputeResponse(const Parameters& parameters, const std::string& password)
{
    return ComputeResponse(parameters,
                           reinterpret_cast<const uint8_t*>(password.data()),
                           password.size());
}

std::string
DigestAka::ComputeAkaResponse(const Parameters& parameters, const AkaRes& res)
{
    return ComputeResponse(parameters, res.data(), res.size());
}

bool
DigestAka::VerifyAkaResponse(const Parameters& parameters,
                             const AkaRes& xres,
                             const std::string& response)
{
    std::string expected = ComputeAkaResponse(parameters, xres);
    if (expected.empty() || response.size() != expected.size())
    {
        return false;
    }
    for (std::size_t i = 0; i < expected.size(); ++i)
    {
        if (std::tolower(static_cast<unsigned char>(response[i])) != expected[i])
        {
            return false;
        }
    }
    return true;
}

} // namespace ns3
