/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DIGEST_AKA_H
#define DIGEST_AKA_H

#include "aka-types.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup imssec
 * HTTP Digest (RFC 2617) with AKA (RFC 3310, algorithm "AKAv1-MD5"), as IMS registration
 * uses it (TS 33.203, TS 24.229): the nonce carrying RAND and AUTN, the response computed
 * with RES as the password, and the `auts` parameter of a resynchronisation.
 *
 * Only text and numbers: the SIP codec places the strings into WWW-Authenticate and
 * Authorization headers.  MD5 and base64 come from OpenSSL's libcrypto.
 *
 * Response (RFC 2617 section 3.2.2), all hashes lower-case hexadecimal:
 *
 *     HA1 = MD5(username ":" realm ":" password)        password = RES octets for AKAv1
 *     HA2 = MD5(method ":" uri)                          qop absent or "auth"
 *     HA2 = MD5(method ":" uri ":" MD5(entity-body))     qop "auth-int"
 *     response = MD5(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" HA2)   with qop
 *     response = MD5(HA1 ":" nonce ":" HA2)                             without qop
 */
class DigestAka
{
  public:
    /// The algorithm token of RFC 3310.
    static const std::string ALGORITHM;

    /// Inputs of a Digest response.
    struct Parameters
    {
        std::string username;   //!< username (the IMPI in IMS)
        std::string realm;      //!< realm
        std::string nonce;      //!< nonce, exactly as in the challenge
        std::string method;     //!< request method, e.g. "REGISTER"
        std::string uri;        //!< digest-uri, e.g. "sip:ims.example.net"
        std::string qop;        //!< "", "auth" or "auth-int"
        std::string nc;         //!< nonce count, 8 hexadecimal digits (with qop)
        std::string cnonce;     //!< client nonce (with qop)
        std::string entityBody; //!< message body (qop "auth-int" only)
    };

    /**
     * Base64 (RFC 4648 section 4, with padding) through EVP_EncodeBlock.
     * \param data first octet
     * \param length number of octets
     * \returns the text
     */
    static std::string Base64Encode(const uint8_t* data, std::size_t length);

    /**
     * \param data the octets
     * \returns their base64 text
     */
    static std::string Base64Encode(const std::vector<uint8_t>& data);

    /**
     * Strict base64 decoding through EVP_DecodeBlock: the length must be a multiple of 4,
     * only the base64 alphabet is allowed, and '=' only as one or two final padding
     * characters (whose octets are not returned).
     * \param text the base64 text
     * \param out receives the octets; empty on failure
     * \returns false on malformed input
     */
    static bool Base64Decode(const std::string& text, std::vector<uint8_t>& out);

    /**
     * \param data octets to hash
     * \returns MD5(data) as 32 lower-case hexadecimal digits
     */
    static std::string Md5Hex(const std::string& data);

    /**
     * RFC 3310 section 3.2: nonce = base64(RAND || AUTN || server data).
     * \param rand RAND
     * \param autn AUTN
     * \param serverData optional server-specific octets appended (none by default)
     * \returns the nonce
     */
    static std::string BuildNonce(const AkaRand& rand,
                                  const AkaAutn& autn,
                                  const std::vector<uint8_t>& serverData = {});

    /**
     * Splits a nonce into RAND, AUTN and server data.
     * \param nonce the nonce text
     * \param rand receives RAND
     * \param autn receives AUTN
     * \param serverData receives the octets after AUTN (possibly none)
     * \returns false when the nonce is not base64 or shorter than 32 octets
     */
    static bool ParseNonce(const std::string& nonce,
                           AkaRand& rand,
                           AkaAutn& autn,
                           std::vector<uint8_t>& serverData);

    /**
     * RFC 3310 section 3.3: the `auts` parameter is base64(AUTS).
     * \param auts AUTS
     * \returns the parameter value
     */
    static std::string EncodeAuts(const AkaAuts& auts);

    /**
     * \param text an `auts` parameter value
     * \param auts receives AUTS
     * \returns false unless the text is base64 of exactly 14 octets
     */
    static bool DecodeAuts(const std::string& text, AkaAuts& auts);

    /**
     * RFC 2617 response with an arbitrary password.
     * \param parameters the Digest inputs
     * \param password first octet of the password
     * \param length password length
     * \returns 32 lower-case hexadecimal digits, or "" when qop is not "", "auth" or
     *          "auth-int"
     */
    static std::string ComputeResponse(const Parameters& parameters,
                                       const uint8_t* password,
                                       std::size_t length);

    /**
     * \param parameters the Digest inputs
     * \param password the password text
     * \returns the response as above
     */
    static std::string ComputeResponse(const Parameters& parameters, const std::string& password);

    /**
     * AKAv1-MD5 response: the password is RES as raw octets (RFC 3310 section 3.4).
     * \param parameters the Digest inputs
     * \param res RES (UE side) or XRES (S-CSCF side)
     * \returns the response as above
     */
    static std::string ComputeAkaResponse(const Parameters& parameters, const AkaRes& res);

    /**
     * S-CSCF check: recomputes the response with XRES and compares it with the one received
     * (hexadecimal digits in either case).
     * \param parameters the Digest inputs as received in Authorization
     * \param xres XRES of the vector the challenge used
     * \param response the response received
     * \returns true when they match
     */
    static bool VerifyAkaResponse(const Parameters& parameters,
                                  const AkaRes& xres,
                                  const std::string& response);
};

} // namespace ns3

#endif /* DIGEST_AKA_H */
