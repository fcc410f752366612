/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sip-parser.h"

#include "sip-text.h"

#include <cstring>

namespace ns3
{

namespace
{

bool
Fail(SipParseError* error, SipParseError::Code code, const char* reason, size_t offset)
{
    if (error)
    {
        *error = SipParseError(code, reason, offset);
    }
    return false;
}

bool
IsSipVersion(const char* p, size_t n)
{
    return n == 7 && (p[0] == 'S' || p[0] == 's') && (p[1] == 'I' || p[1] == 'i') &&
           (p[2] == 'P' || p[2] == 'p') && p[3] == '/' && p[4] == '2' && p[5] == '.' && p[6] == '0';
}

} // namespace

SipParseResult
SipParser::Parse(const uint8_t* data, size_t size)
{
    SipParseResult r;
    Parse(data, size, &r.m_message, &r.m_error);
    return r;
}

SipParseResult
SipParser::Parse(std::string_view text)
{
    return Parse(reinterpret_cast<const uint8_t*>(text.data()), text.size());
}

SipParseResult
SipParser::ParseAndValidate(const uint8_t* data, size_t size)
{
    SipParseResult r;
    if (Parse(data, size, &r.m_message, &r.m_error))
    {
        r.m_message.Validate(&r.m_error);
    }
    return r;
}

bool
SipParser::Parse(const uint8_t* data, size_t size, SipMessage* out, SipParseError* error)
{
    using Span = SipMessage::Span;
    out->Clear();
    if (size > MAX_MESSAGE_SIZE)
    {
        return Fail(error,
                    SipParseError::TOO_LARGE,
                    "message larger than 65535 bytes",
                    MAX_MESSAGE_SIZE);
    }
    size_t start = 0;
    while (start < size && (data[start] == '\r' || data[start] == '\n'))
    {
        ++start; // keep-alive CRLFs before a message (RFC 3261 section 7.5)
    }
    if (start == size)
    {
        return Fail(error, SipParseError::EMPTY, "no message", size);
    }
    // One copy of the bytes; everything else is offsets into it.  Folded lines are
    // unfolded in this copy, in place, so offsets stay those of the input.
    out->m_buf.assign(reinterpret_cast<const char*>(data), size);
    char* b = out->m_buf.data();
    const char* end = b + size;

    // --- start line ---
    char* p = b + start;
    char* nl = static_cast<char*>(std::memchr(p, '\n', end - p));
    if (!nl)
    {
        return Fail(error, SipParseError::BAD_START_LINE, "start line not terminated", size);
    }
    const char* le = (nl > p && nl[-1] == '\r') ? nl - 1 : nl;
    auto offsetOf = [b](const char* q) { return static_cast<size_t>(q - b); };
    auto span = [b](const char* from, const char* to) {
        return Span{static_cast<uint32_t>(from - b), static_cast<uint32_t>(to - from)};
    };
    const char* sp1 = static_cast<const char*>(std::memchr(p, ' ', le - p));
    if (!sp1)
    {
        return Fail(error, SipParseError::BAD_START_LINE, "start line without SP", offsetOf(le));
    }
    if (IsSipVersion(p, sp1 - p))
    {
        // Status-Line = SIP-Version SP Status-Code SP Reason-Phrase
        out->m_isRequest = false;
        const char* c = sp1 + 1;
        if (le - c < 3 || c[0] < '1' || c[0] > '6' || c[1] < '0' || c[1] > '9' || c[2] < '0' ||
            c[2] > '9' || (le - c > 3 && c[3] != ' '))
        {
            return Fail(error,
                        SipParseError::BAD_STATUS_CODE,
                        "status code is not 100..699",
                        offsetOf(c));
        }
        out->m_statusCode =
            static_cast<uint16_t>((c[0] - '0') * 100 + (c[1] - '0') * 10 + (c[2] - '0'));
        const char* r = c + 3 < le ? c + 4 : le;
        const char* re = le;
        while (re > r && SipText::IsWsp(static_cast<uint8_t>(re[-1])))
        {
            --re;
        }
        out->m_reason = span(r, re);
    }
    else
    {
        // Request-Line = Method SP Request-URI SP SIP-Version
        for (const char* q = p; q < sp1; ++q)
        {
            if (!SipText::IsTokenChar(static_cast<uint8_t>(*q)))
            {
                return Fail(error, SipParseError::BAD_METHOD, "method is not a token", offsetOf(q));
            }
        }
        if (sp1 == p)
        {
            return Fail(error, SipParseError::BAD_METHOD, "empty method", offsetOf(p));
        }
        const char* u = sp1 + 1;
        const char* ue = u;
        bool colon = false;
        while (ue < le && *ue != ' ')
        {
            uint8_t c = static_cast<uint8_t>(*ue);
            if (c <= 0x20 || c >= 0x7f)
            {
                return Fail(error,
                            SipParseError::BAD_REQUEST_URI,
                            "invalid character in Request-URI",
                            offsetOf(ue));
            }
            colon |= c == ':';
            ++ue;
        }
        if (ue == u || !colon)
        {
            return Fail(error,
                        SipParseError::BAD_REQUEST_URI,
                        "missing or scheme-less Request-URI",
                        offsetOf(u));
        }
        if (ue == le || !IsSipVersion(ue + 1, le - ue - 1))
        {
            return Fail(error,
                        SipParseError::BAD_VERSION,
                        "SIP-Version is not SIP/2.0",
                        offsetOf(ue == le ? le : ue + 1));
        }
        out->m_isRequest = true;
        out->m_method = span(p, sp1);
        out->m_uri = span(u, ue);
    }
    p = nl + 1;

    // --- header lines ---
    auto& headers = out->m_headers;
    headers.reserve(24);
    bool haveLength = false;
    size_t lengthLines = 0; // Content-Length lines: Encode() writes exactly one
    uint64_t contentLength = 0;
    while (true)
    {
        if (p >= end)
        {
            return Fail(error,
                        SipParseError::MISSING_EMPTY_LINE,
                        "header section does not end with an empty line",
                        size);
        }
        if (*p == '\n')
        {
            ++p;
            break;
        }
        if (*p == '\r' && p + 1 < end && p[1] == '\n')
        {
            p += 2;
            break;
        }
        if (*p == ' ' || *p == '\t')
        {
            return Fail(error,
                        SipParseError::BAD_HEADER_LINE,
                        "continuation line without a header",
                        offsetOf(p));
        }
        nl = static_cast<char*>(std::memchr(p, '\n', end - p));
        if (!nl)
        {
            return Fail(error,
                        SipParseError::MISSING_EMPTY_LINE,
                        "header line not terminated",
                        size);
        }
        // unfold continuation lines: CR LF before SP/HTAB becomes white space
        while (nl + 1 < end && (nl[1] == ' ' || nl[1] == '\t'))
        {
            *nl = ' ';
            if (nl[-1] == '\r')
            {
                nl[-1] = ' ';
            }
            char* next = static_cast<char*>(std::memchr(nl + 1, '\n', end - nl - 1));
            if (!next)
            {
                return Fail(error,
                            SipParseError::MISSING_EMPTY_LINE,
                            "header line not terminated",
                            size);
            }
            nl = next;
        }
        le = (nl > p && nl[-1] == '\r') ? nl - 1 : nl;
        const char* colonPos = static_cast<const char*>(std::memchr(p, ':', le - p));
        if (!colonPos)
        {
            return Fail(error,
                        SipParseError::BAD_HEADER_LINE,
                        "header line without ':'",
                        offsetOf(p));
        }
        const char* ne = colonPos;
        while (ne > p && SipText::IsWsp(static_cast<uint8_t>(ne[-1])))
        {
            --ne;
        }
        if (ne == p)
        {
            return Fail(error, SipParseError::BAD_HEADER_NAME, "empty header name", offsetOf(p));
        }
        for (const char* q = p; q < ne; ++q)
        {
            if (!SipText::IsTokenChar(static_cast<uint8_t>(*q)))
            {
                return Fail(error,
                            SipParseError::BAD_HEADER_NAME,
                            "header name is not a token",
                            offsetOf(q));
            }
        }
        const char* v = colonPos + 1;
        while (v < le && SipText::IsWsp(static_cast<uint8_t>(*v)))
        {
            ++v;
        }
        const char* ve = le;
        while (ve > v && SipText::IsWsp(static_cast<uint8_t>(ve[-1])))
        {
            --ve;
        }
        if (headers.size() >= MAX_HEADERS)
        {
            return Fail(error,
                        SipParseError::TOO_MANY_HEADERS,
                        "more than 256 header lines",
                        offsetOf(p));
        }
        SipHeaderId id = SipHeaderNames::Lookup(std::string_view(p, ne - p));
        if (id == SipHeaderId::CONTENT_LENGTH)
        {
            uint64_t n;
            if (!SipText::ParseUint(std::string_view(v, ve - v), MAX_MESSAGE_SIZE, &n))
            {
                return Fail(error,
                            SipParseError::BAD_CONTENT_LENGTH,
                            "Content-Length is not a number of at most 65535",
                            offsetOf(v));
            }
            if (haveLength && n != contentLength)
            {
                return Fail(error,
                            SipParseError::BAD_CONTENT_LENGTH,
                            "conflicting Content-Length values",
                            offsetOf(v));
            }
            haveLength = true;
            contentLength = n;
            ++lengthLines;
        }
        headers.push_back(SipMessage::Header{id, span(p, ne), span(v, ve)});
        p = nl + 1;
    }

    // --- body ---
    size_t bodyStart = offsetOf(p);
    size_t available = size - bodyStart;
    if (haveLength)
    {
        if (contentLength > available)
        {
            return Fail(error,
                        SipParseError::TRUNCATED_BODY,
                        "body shorter than Content-Length",
                        size);
        }
        out->m_body = Span{static_cast<uint32_t>(bodyStart), static_cast<uint32_t>(contentLength)};
    }
    else
    {
        out->m_body = Span{static_cast<uint32_t>(bodyStart), static_cast<uint32_t>(available)};
    }
    // Encode() writes one Content-Length after the other headers: the encoding must not have
    // more header lines than Parse accepts either.
    if (headers.size() - lengthLines + 1 > MAX_HEADERS)
    {
        return Fail(error,
                    SipParseError::TOO_MANY_HEADERS,
                    "256 header lines and no Content-Length: the encoding would have 257",
                    bodyStart);
    }
    // Encode() spells names out in full, adds ": " and CRLFs and writes Content-Length, so a
    // message near the limit can grow past it; refusing it here keeps the round trip
    // Encode(Parse(Encode(m))) == Encode(m) for every message Parse accepts.  The growth is
    // at most MAX_ENCODING_GROWTH per line (RFC 3261 7.3.3 compact form to the longest name,
    // 21 bytes, plus SP and CR): only messages that close to the limit are encoded to check.
    if (size + MAX_ENCODING_GROWTH * (headers.size() + 3) > MAX_MESSAGE_SIZE)
    {
        std::string canonical;
        out->EncodeTo(&canonical);
        if (canonical.size() > MAX_MESSAGE_SIZE)
        {
            return Fail(error,
                        SipParseError::TOO_LARGE,
                        "canonical encoding larger than 65535 bytes",
                        MAX_MESSAGE_SIZE);
        }
    }
    if (error)
    {
        *error = SipParseError();
    }
    return true;
}

} // namespace ns3
