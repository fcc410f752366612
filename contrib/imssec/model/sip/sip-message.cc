/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sip-message.h"

#include "sip-text.h"

#include "ns3/abort.h"

#include <algorithm>
#include <cstring>

namespace ns3
{

namespace
{

/// Sets *error when error is not nullptr.
void
Report(SipParseError* error,
       SipParseError::Code code,
       std::string_view header,
       const std::string& reason,
       size_t offset)
{
    if (error)
    {
        *error = SipParseError(code, std::string(header) + ": " + reason, offset);
    }
}

} // namespace

SipMessage::SipMessage()
{
}

SipMessage
SipMessage::MakeRequest(std::string_view method, std::string_view requestUri)
{
    SipMessage m;
    m.SetRequestLine(method, requestUri);
    return m;
}

SipMessage
SipMessage::MakeResponse(uint16_t statusCode, std::string_view reason)
{
    SipMessage m;
    m.SetStatusLine(statusCode, reason);
    return m;
}

void
SipMessage::Clear()
{
    m_buf.clear();
    m_isRequest = true;
    m_method = Span();
    m_uri = Span();
    m_statusCode = 0;
    m_reason = Span();
    m_headers.clear();
    m_body = Span();
}

SipMessage::Span
SipMessage::Append(std::string_view text)
{
    // text may point into m_buf, which append may reallocate: copy first in that case
    if (!text.empty() && text.data() >= m_buf.data() && text.data() < m_buf.data() + m_buf.size())
    {
        std::string copy(text);
        return Append(copy);
    }
    Span s;
    s.off = static_cast<uint32_t>(m_buf.size());
    s.len = static_cast<uint32_t>(text.size());
    m_buf.append(text.data(), text.size());
    return s;
}

SipMessage::Span
SipMessage::AppendValue(std::string_view value)
{
    // a value set by the program: no line breaks (they would end the header line), no
    // surrounding white space (the parser trims it)
    value = SipText::Trim(value);
    if (value.find_first_of("\r\n") == std::string_view::npos)
    {
        return Append(value);
    }
    std::string clean(value);
    std::replace(clean.begin(), clean.end(), '\r', ' ');
    std::replace(clean.begin(), clean.end(), '\n', ' ');
    return Append(clean);
}

std::string
SipMessage::GetMethod() const
{
    return m_isRequest ? std::string(View(m_method)) : std::string();
}

bool
SipMessage::IsMethod(std::string_view method) const
{
    return m_isRequest && View(m_method) == method;
}

std::string
SipMessage::GetRequestUri() const
{
    return m_isRequest ? std::string(View(m_uri)) : std::string();
}

std::optional<SipUri>
SipMessage::GetParsedRequestUri(SipParseError* error) const
{
    if (!m_isRequest)
    {
        return std::nullopt;
    }
    SipUri uri;
    std::string reason;
    size_t off = 0;
    if (!SipUri::Parse(View(m_uri), &uri, &reason, &off))
    {
        Report(error, SipParseError::BAD_REQUEST_URI, "Request-URI", reason, m_uri.off + off);
        return std::nullopt;
    }
    return uri;
}

std::string
SipMessage::GetReasonPhrase() const
{
    return m_isRequest ? std::string() : std::string(View(m_reason));
}

void
SipMessage::SetRequestLine(std::string_view method, std::string_view requestUri)
{
    m_isRequest = true;
    m_statusCode = 0;
    m_method = AppendValue(method);
    m_uri = AppendValue(requestUri);
    m_reason = Span();
}

void
SipMessage::SetStatusLine(uint16_t statusCode, std::string_view reason)
{
    NS_ABORT_MSG_IF(statusCode < 100 || statusCode > 699,
                    "SIP status code " << statusCode << " is not 100..699");
    m_isRequest = false;
    m_statusCode = statusCode;
    m_reason = AppendValue(reason);
    m_method = Span();
    m_uri = Span();
}

// --- generic headers ----------------------------------------------------------------------

bool
SipMessage::NameMatches(const Header& h, SipHeaderId id, std::string_view name) const
{
    if (id != SipHeaderId::OTHER)
    {
        return h.id == id;
    }
    return h.id == SipHeaderId::OTHER && SipText::EqualsIgnoreCase(View(h.name), name);
}

const SipMessage::Header*
SipMessage::FindFirst(SipHeaderId id, std::string_view name) const
{
    for (const auto& h : m_headers)
    {
        if (NameMatches(h, id, name))
        {
            return &h;
        }
    }
    return nullptr;
}

void
SipMessage::CollectValues(SipHeaderId id,
                          std::string_view name,
                          std::vector<std::string_view>* out,
                          std::vector<uint32_t>* offsets) const
{
    bool list = SipHeaderNames::IsList(id);
    for (const auto& h : m_headers)
    {
        if (!NameMatches(h, id, name))
        {
            continue;
        }
        std::string_view v = View(h.value);
        if (!list)
        {
            out->push_back(v);
            if (offsets)
            {
                offsets->push_back(h.value.off);
            }
            continue;
        }
        if (v.empty())
        {
            continue; // a list header without value has no element ("Supported:")
        }
        for (std::string_view part : SipText::Split(v, ','))
        {
            out->push_back(part);
            if (offsets)
            {
                offsets->push_back(static_cast<uint32_t>(h.value.off + (part.data() - v.data())));
            }
        }
    }
}

std::string
SipMessage::GetHeaderName(size_t index) const
{
    if (index >= m_headers.size())
    {
        return std::string();
    }
    const Header& h = m_headers[index];
    if (h.id != SipHeaderId::OTHER)
    {
        return std::string(SipHeaderNames::GetCanonicalName(h.id));
    }
    return std::string(View(h.name));
}

std::string
SipMessage::GetHeaderValue(size_t index) const
{
    return index < m_headers.size() ? std::string(View(m_headers[index].value)) : std::string();
}

bool
SipMessage::HasHeader(std::string_view name) const
{
    return FindFirst(SipHeaderNames::Lookup(name), name) != nullptr;
}

size_t
SipMessage::CountHeader(std::string_view name) const
{
    SipHeaderId id = SipHeaderNames::Lookup(name);
    size_t n = 0;
    for (const auto& h : m_headers)
    {
        n += NameMatches(h, id, name) ? 1 : 0;
    }
    return n;
}

std::optional<std::string>
SipMessage::GetFirst(std::string_view name) const
{
    SipHeaderId id = SipHeaderNames::Lookup(name);
    const Header* h = FindFirst(id, name);
    if (!h)
    {
        return std::nullopt;
    }
    std::string_view v = View(h->value);
    if (SipHeaderNames::IsList(id))
    {
        return std::string(SipText::FirstPart(v, ','));
    }
    return std::string(v);
}

std::vector<std::string>
SipMessage::GetAll(std::string_view name) const
{
    std::vector<std::string_view> views;
    CollectValues(SipHeaderNames::Lookup(name), name, &views, nullptr);
    return std::vector<std::string>(views.begin(), views.end());
}

void
SipMessage::AddHeader(std::string_view name, std::string_view value)
{
    Header h;
    h.id = SipHeaderNames::Lookup(name);
    h.name = Append(SipText::Trim(name));
    h.value = AppendValue(value);
    m_headers.push_back(h);
}

void
SipMessage::SetHeader(std::string_view name, std::string_view value)
{
    SipHeaderId id = SipHeaderNames::Lookup(name);
    bool replaced = false;
    for (size_t i = 0; i < m_headers.size();)
    {
        if (NameMatches(m_headers[i], id, name))
        {
            if (!replaced)
            {
                m_headers[i].value = AppendValue(value);
                replaced = true;
                ++i;
                continue;
            }
            m_headers.erase(m_headers.begin() + static_cast<std::ptrdiff_t>(i));
            continue;
        }
        ++i;
    }
    if (!replaced)
    {
        AddHeader(name, value);
    }
}

void
SipMessage::InsertHeaderAtTop(std::string_view name, std::string_view value)
{
    SipHeaderId id = SipHeaderNames::Lookup(name);
    size_t pos = 0;
    for (size_t i = 0; i < m_headers.size(); ++i)
    {
        if (NameMatches(m_headers[i], id, name))
        {
            pos = i;
            break;
        }
    }
    Header h;
    h.id = id;
    h.name = Append(SipText::Trim(name));
    h.value = AppendValue(value);
    m_headers.insert(m_headers.begin() + static_cast<std::ptrdiff_t>(pos), h);
}

size_t
SipMessage::RemoveHeader(std::string_view name)
{
    SipHeaderId id = SipHeaderNames::Lookup(name);
    size_t before = m_headers.size();
    m_headers.erase(
        std::remove_if(m_headers.begin(),
                       m_headers.end(),
                       [this, id, name](const Header& h) { return NameMatches(h, id, name); }),
        m_headers.end());
    return before - m_headers.size();
}

bool
SipMessage::RemoveFirstValue(std::string_view name)
{
    SipHeaderId id = SipHeaderNames::Lookup(name);
    for (size_t i = 0; i < m_headers.size(); ++i)
    {
        Header& h = m_headers[i];
        if (!NameMatches(h, id, name))
        {
            continue;
        }
        if (SipHeaderNames::IsList(id))
        {
            std::string_view v = View(h.value);
            std::vector<std::string_view> parts = SipText::Split(v, ',');
            if (parts.size() > 1)
            {
                // keep the text after the first separating comma
                size_t restOff = static_cast<size_t>(parts[1].data() - v.data());
                h.value.off += static_cast<uint32_t>(restOff);
                h.value.len -= static_cast<uint32_t>(restOff);
                return true;
            }
        }
        m_headers.erase(m_headers.begin() + static_cast<std::ptrdiff_t>(i));
        return true;
    }
    return false;
}

// --- body -----------------------------------------------------------------------------------

std::string
SipMessage::GetBody() const
{
    return std::string(View(m_body));
}

void
SipMessage::SetBody(const uint8_t* data, size_t size)
{
    SetBody(std::string_view(reinterpret_cast<const char*>(data), size));
}

void
SipMessage::SetBody(std::string_view body)
{
    m_body = Append(body);
}

// --- encoding ---------------------------------------------------------------------------------

std::string
SipMessage::Encode() const
{
    std::string out;
    EncodeTo(&out);
    return out;
}

void
SipMessage::EncodeTo(std::string* out) const
{
    out->clear();
    out->reserve(m_buf.size() + 64);
    if (m_isRequest)
    {
        out->append(View(m_method));
        out->push_back(' ');
        out->append(View(m_uri));
        out->append(" SIP/2.0\r\n");
    }
    else
    {
        char code[8];
        std::snprintf(code, sizeof(code), "%03u", static_cast<unsigned>(m_statusCode % 1000));
        out->append("SIP/2.0 ");
        out->append(code);
        out->push_back(' ');
        SipText::AppendNormalizedLws(View(m_reason), out);
        out->append("\r\n");
    }
    for (const auto& h : m_headers)
    {
        if (h.id == SipHeaderId::CONTENT_LENGTH)
        {
            continue; // written last, from the body size
        }
        if (h.id != SipHeaderId::OTHER)
        {
            out->append(SipHeaderNames::GetCanonicalName(h.id));
        }
        else
        {
            out->append(View(h.name));
        }
        out->push_back(':');
        std::string_view v = View(h.value);
        if (!v.empty())
        {
            size_t mark = out->size();
            out->push_back(' ');
            if (SipText::NeedsLwsNormalization(v))
            {
                SipText::AppendNormalizedLws(v, out);
                if (out->size() == mark + 1)
                {
                    out->pop_back(); // the value was only white space
                }
            }
            else
            {
                out->append(v);
            }
        }
        out->append("\r\n");
    }
    out->append("Content-Length: ");
    out->append(std::to_string(m_body.len));
    out->append("\r\n\r\n");
    out->append(View(m_body));
}

// --- validation -------------------------------------------------------------------------------

bool
SipMessage::Validate(SipParseError* error) const
{
    if (m_isRequest && !GetParsedRequestUri(error))
    {
        return false;
    }
    // control characters in the header section (HTAB is allowed; the parser has turned
    // folding CR LF into SP already)
    for (const auto& h : m_headers)
    {
        std::string_view v = View(h.value);
        for (size_t i = 0; i < v.size(); ++i)
        {
            uint8_t c = static_cast<uint8_t>(v[i]);
            if ((c < 0x20 && c != '\t') || c == 0x7f)
            {
                if (error)
                {
                    *error = SipParseError(SipParseError::BAD_CHARACTER,
                                           "control character in a header value",
                                           h.value.off + i);
                }
                return false;
            }
        }
    }
    static const SipHeaderId mandatory[] = {SipHeaderId::TO,
                                            SipHeaderId::FROM,
                                            SipHeaderId::CSEQ,
                                            SipHeaderId::CALL_ID,
                                            SipHeaderId::VIA,
                                            SipHeaderId::MAX_FORWARDS};
    static const SipHeaderId single[] = {SipHeaderId::TO,
                                         SipHeaderId::FROM,
                                         SipHeaderId::CSEQ,
                                         SipHeaderId::CALL_ID,
                                         SipHeaderId::MAX_FORWARDS,
                                         SipHeaderId::EXPIRES,
                                         SipHeaderId::CONTENT_TYPE,
                                         SipHeaderId::MIN_EXPIRES};
    for (SipHeaderId id : mandatory)
    {
        if (id == SipHeaderId::MAX_FORWARDS && !m_isRequest)
        {
            continue;
        }
        if (!FindFirst(id, ""))
        {
            if (error)
            {
                *error =
                    SipParseError(SipParseError::MISSING_HEADER,
                                  "missing " + std::string(SipHeaderNames::GetCanonicalName(id)),
                                  m_body.off);
            }
            return false;
        }
    }
    for (SipHeaderId id : single)
    {
        int n = 0;
        for (const auto& h : m_headers)
        {
            if (h.id == id && ++n == 2)
            {
                Report(error,
                       SipParseError::BAD_HEADER_VALUE,
                       SipHeaderNames::GetCanonicalName(id),
                       "appears more than once",
                       h.name.off);
                return false;
            }
        }
    }
    SipParseError e;
    auto failed = [&e, error]() {
        if (e.IsError())
        {
            if (error)
            {
                *error = e;
            }
            return true;
        }
        return false;
    };
    GetVias(&e);
    if (failed())
    {
        return false;
    }
    GetFrom(&e);
    GetTo(&e);
    GetContacts(&e);
    if (failed())
    {
        return false;
    }
    auto cseq = GetCseq(&e);
    if (failed())
    {
        return false;
    }
    if (m_isRequest && cseq && cseq->GetMethod() != View(m_method))
    {
        const Header* h = FindFirst(SipHeaderId::CSEQ, "");
        Report(error,
               SipParseError::BAD_HEADER_VALUE,
               "CSeq",
               "method differs from the request method",
               h->value.off);
        return false;
    }
    const Header* callId = FindFirst(SipHeaderId::CALL_ID, "");
    std::string_view cid = View(callId->value);
    if (cid.empty() || cid.find_first_of(" \t") != std::string_view::npos)
    {
        Report(error,
               SipParseError::BAD_HEADER_VALUE,
               "Call-ID",
               "empty or white space",
               callId->value.off);
        return false;
    }
    GetMaxForwards(&e);
    GetExpires(&e);
    GetContentType(&e);
    if (failed())
    {
        return false;
    }
    for (std::string_view n : {"Route",
                               "Record-Route",
                               "Path",
                               "Service-Route",
                               "P-Associated-URI",
                               "P-Asserted-Identity",
                               "P-Preferred-Identity"})
    {
        GetNameAddrs(n, &e);
        if (failed())
        {
            return false;
        }
    }
    for (std::string_view n : {"Require", "Proxy-Require", "Supported", "Unsupported"})
    {
        GetOptionTags(n, &e);
        if (failed())
        {
            return false;
        }
    }
    for (std::string_view n : {"Security-Client", "Security-Server", "Security-Verify"})
    {
        GetSecurityMechanisms(n, &e);
        if (failed())
        {
            return false;
        }
    }
    for (std::string_view n : {"Authorization",
                               "Proxy-Authorization",
                               "WWW-Authenticate",
                               "Proxy-Authenticate",
                               "Authentication-Info"})
    {
        SipHeaderId id = SipHeaderNames::Lookup(n);
        for (const auto& h : m_headers)
        {
            if (h.id != id)
            {
                continue;
            }
            SipDigest::Kind kind =
                id == SipHeaderId::AUTHENTICATION_INFO ? SipDigest::INFO
                : (id == SipHeaderId::WWW_AUTHENTICATE || id == SipHeaderId::PROXY_AUTHENTICATE)
                    ? SipDigest::CHALLENGE
                    : SipDigest::CREDENTIALS;
            std::string reason;
            size_t off = 0;
            if (!SipDigest::Parse(View(h.value), kind, nullptr, &reason, &off))
            {
                Report(error, SipParseError::BAD_HEADER_VALUE, n, reason, h.value.off + off);
                return false;
            }
        }
    }
    return true;
}

// --- typed headers ----------------------------------------------------------------------------

namespace
{

/// Parses every value of a header with a SipXyz::Parse-like function.
template <typename T, typename ParseFn>
std::vector<T>
ParseEach(const std::vector<std::string_view>& values,
          const std::vector<uint32_t>& offsets,
          std::string_view header,
          SipParseError* error,
          ParseFn parse)
{
    std::vector<T> out;
    out.reserve(values.size());
    for (size_t i = 0; i < values.size(); ++i)
    {
        T v;
        std::string reason;
        size_t off = 0;
        if (!parse(values[i], &v, &reason, &off))
        {
            Report(error, SipParseError::BAD_HEADER_VALUE, header, reason, offsets[i] + off);
            return {};
        }
        out.push_back(std::move(v));
    }
    return out;
}

} // namespace

std::vector<SipVia>
SipMessage::GetVias(SipParseError* error) const
{
    std::vector<std::string_view> values;
    std::vector<uint32_t> offsets;
    CollectValues(SipHeaderId::VIA, "", &values, &offsets);
    return ParseEach<SipVia>(values,
                             offsets,
                             "Via",
                             error,
                             [](std::string_view s, SipVia* v, std::string* r, size_t* o) {
                                 return SipVia::Parse(s, v, r, o);
                             });
}

std::optional<SipVia>
SipMessage::GetTopVia(SipParseError* error) const
{
    const Header* h = FindFirst(SipHeaderId::VIA, "");
    if (!h)
    {
        return std::nullopt;
    }
    std::string_view v = View(h->value);
    std::string_view first = SipText::FirstPart(v, ',');
    SipVia via;
    std::string reason;
    size_t off = 0;
    if (!SipVia::Parse(first, &via, &reason, &off))
    {
        Report(error,
               SipParseError::BAD_HEADER_VALUE,
               "Via",
               reason,
               h->value.off + (first.data() - v.data()) + off);
        return std::nullopt;
    }
    return via;
}

void
SipMessage::InsertVia(const SipVia& via)
{
    InsertHeaderAtTop("Via", via.ToString());
}

void
SipMessage::ReplaceTopVia(const SipVia& via)
{
    if (RemoveFirstValue("Via"))
    {
        InsertHeaderAtTop("Via", via.ToString());
    }
    else
    {
        InsertVia(via);
    }
}

namespace
{

bool
ParseNameAddr(std::string_view s, SipNameAddr* a, std::string* reason, size_t* off)
{
    return SipNameAddr::Parse(s, a, reason, off, false);
}

} // namespace

std::optional<SipNameAddr>
SipMessage::GetSingleNameAddr(SipHeaderId id, std::string_view name, SipParseError* error) const
{
    const Header* h = FindFirst(id, "");
    if (!h)
    {
        return std::nullopt;
    }
    SipNameAddr a;
    std::string reason;
    size_t off = 0;
    if (!ParseNameAddr(View(h->value), &a, &reason, &off))
    {
        Report(error, SipParseError::BAD_HEADER_VALUE, name, reason, h->value.off + off);
        return std::nullopt;
    }
    return a;
}

std::optional<SipNameAddr>
SipMessage::GetFrom(SipParseError* error) const
{
    return GetSingleNameAddr(SipHeaderId::FROM, "From", error);
}

void
SipMessage::SetFrom(const SipNameAddr& from)
{
    SetHeader("From", from.ToString());
}

std::optional<SipNameAddr>
SipMessage::GetTo(SipParseError* error) const
{
    return GetSingleNameAddr(SipHeaderId::TO, "To", error);
}

void
SipMessage::SetTo(const SipNameAddr& to)
{
    SetHeader("To", to.ToString());
}

std::vector<SipNameAddr>
SipMessage::GetContacts(SipParseError* error) const
{
    std::vector<std::string_view> values;
    std::vector<uint32_t> offsets;
    CollectValues(SipHeaderId::CONTACT, "", &values, &offsets);
    return ParseEach<SipNameAddr>(
        values,
        offsets,
        "Contact",
        error,
        [](std::string_view s, SipNameAddr* a, std::string* r, size_t* o) {
            return SipNameAddr::Parse(s, a, r, o, true);
        });
}

void
SipMessage::AddContact(const SipNameAddr& contact)
{
    AddHeader("Contact", contact.ToString());
}

std::vector<SipNameAddr>
SipMessage::GetNameAddrs(std::string_view name, SipParseError* error) const
{
    std::vector<std::string_view> values;
    std::vector<uint32_t> offsets;
    SipHeaderId id = SipHeaderNames::Lookup(name);
    CollectValues(id, name, &values, &offsets);
    return ParseEach<SipNameAddr>(values, offsets, name, error, ParseNameAddr);
}

void
SipMessage::SetNameAddrs(std::string_view name, const std::vector<SipNameAddr>& values)
{
    if (values.empty())
    {
        RemoveHeader(name);
        return;
    }
    std::string text;
    for (size_t i = 0; i < values.size(); ++i)
    {
        if (i > 0)
        {
            text += ", ";
        }
        text += values[i].ToString();
    }
    SetHeader(name, text);
}

std::optional<SipCseq>
SipMessage::GetCseq(SipParseError* error) const
{
    const Header* h = FindFirst(SipHeaderId::CSEQ, "");
    if (!h)
    {
        return std::nullopt;
    }
    SipCseq c;
    std::string reason;
    size_t off = 0;
    if (!SipCseq::Parse(View(h->value), &c, &reason, &off))
    {
        Report(error, SipParseError::BAD_HEADER_VALUE, "CSeq", reason, h->value.off + off);
        return std::nullopt;
    }
    return c;
}

void
SipMessage::SetCseq(const SipCseq& cseq)
{
    SetHeader("CSeq", cseq.ToString());
}

std::optional<std::string>
SipMessage::GetCallId() const
{
    const Header* h = FindFirst(SipHeaderId::CALL_ID, "");
    if (!h)
    {
        return std::nullopt;
    }
    return std::string(View(h->value));
}

void
SipMessage::SetCallId(std::string_view callId)
{
    SetHeader("Call-ID", callId);
}

std::optional<uint8_t>
SipMessage::GetMaxForwards(SipParseError* error) const
{
    const Header* h = FindFirst(SipHeaderId::MAX_FORWARDS, "");
    if (!h)
    {
        return std::nullopt;
    }
    uint64_t v;
    if (!SipText::ParseUint(View(h->value), 255, &v))
    {
        Report(error, SipParseError::BAD_HEADER_VALUE, "Max-Forwards", "not 0..255", h->value.off);
        return std::nullopt;
    }
    return static_cast<uint8_t>(v);
}

void
SipMessage::SetMaxForwards(uint8_t hops)
{
    SetHeader("Max-Forwards", std::to_string(hops));
}

std::optional<uint32_t>
SipMessage::GetExpires(SipParseError* error) const
{
    const Header* h = FindFirst(SipHeaderId::EXPIRES, "");
    if (!h)
    {
        return std::nullopt;
    }
    uint64_t v;
    if (!SipText::ParseUint(View(h->value), 0xffffffffu, &v))
    {
        Report(error,
               SipParseError::BAD_HEADER_VALUE,
               "Expires",
               "not a 32-bit number of seconds",
               h->value.off);
        return std::nullopt;
    }
    return static_cast<uint32_t>(v);
}

void
SipMessage::SetExpires(uint32_t seconds)
{
    SetHeader("Expires", std::to_string(seconds));
}

std::optional<SipContentType>
SipMessage::GetContentType(SipParseError* error) const
{
    const Header* h = FindFirst(SipHeaderId::CONTENT_TYPE, "");
    if (!h)
    {
        return std::nullopt;
    }
    SipContentType c;
    std::string reason;
    size_t off = 0;
    if (!SipContentType::Parse(View(h->value), &c, &reason, &off))
    {
        Report(error, SipParseError::BAD_HEADER_VALUE, "Content-Type", reason, h->value.off + off);
        return std::nullopt;
    }
    return c;
}

void
SipMessage::SetContentType(const SipContentType& type)
{
    SetHeader("Content-Type", type.ToString());
}

std::vector<std::string>
SipMessage::GetOptionTags(std::string_view name, SipParseError* error) const
{
    std::vector<std::string_view> values;
    std::vector<uint32_t> offsets;
    SipHeaderId id = SipHeaderNames::Lookup(name);
    CollectValues(id, name, &values, &offsets);
    std::vector<std::string> out;
    for (size_t i = 0; i < values.size(); ++i)
    {
        if (!SipText::IsToken(values[i]))
        {
            Report(error,
                   SipParseError::BAD_HEADER_VALUE,
                   name,
                   "option tag is not a token",
                   offsets[i]);
            return {};
        }
        out.emplace_back(values[i]);
    }
    return out;
}

bool
SipMessage::HasOptionTag(std::string_view name, std::string_view tag) const
{
    std::vector<std::string_view> values;
    CollectValues(SipHeaderNames::Lookup(name), name, &values, nullptr);
    for (std::string_view v : values)
    {
        if (SipText::EqualsIgnoreCase(v, tag))
        {
            return true;
        }
    }
    return false;
}

void
SipMessage::AddOptionTag(std::string_view name, std::string_view tag)
{
    if (HasOptionTag(name, tag))
    {
        return;
    }
    SipHeaderId id = SipHeaderNames::Lookup(name);
    for (auto& h : m_headers)
    {
        if (NameMatches(h, id, name))
        {
            std::string v(View(h.value));
            v = v.empty() ? std::string(tag) : v + ", " + std::string(tag);
            h.value = AppendValue(v);
            return;
        }
    }
    AddHeader(name, tag);
}

bool
SipMessage::RemoveOptionTag(std::string_view name, std::string_view tag)
{
    SipHeaderId id = SipHeaderNames::Lookup(name);
    bool found = false;
    for (size_t i = 0; i < m_headers.size();)
    {
        Header& h = m_headers[i];
        if (!NameMatches(h, id, name))
        {
            ++i;
            continue;
        }
        std::string kept;
        bool removed = false;
        for (std::string_view part : SipText::Split(View(h.value), ','))
        {
            if (SipText::EqualsIgnoreCase(part, tag))
            {
                removed = true;
                continue;
            }
            if (part.empty())
            {
                continue;
            }
            if (!kept.empty())
            {
                kept += ", ";
            }
            kept += std::string(part);
        }
        if (!removed)
        {
            ++i;
            continue;
        }
        found = true;
        if (kept.empty())
        {
            m_headers.erase(m_headers.begin() + static_cast<std::ptrdiff_t>(i));
            continue;
        }
        h.value = AppendValue(kept);
        ++i;
    }
    return found;
}

std::vector<SecurityMechanism>
SipMessage::GetSecurityMechanisms(std::string_view name, SipParseError* error) const
{
    std::vector<std::string_view> values;
    std::vector<uint32_t> offsets;
    SipHeaderId id = SipHeaderNames::Lookup(name);
    CollectValues(id, name, &values, &offsets);
    return ParseEach<SecurityMechanism>(
        values,
        offsets,
        name,
        error,
        [](std::string_view s, SecurityMechanism* m, std::string* r, size_t* o) {
            return SecurityMechanism::Parse(s, m, r, o);
        });
}

void
SipMessage::SetSecurityMechanisms(std::string_view name, const std::vector<SecurityMechanism>& list)
{
    if (list.empty())
    {
        RemoveHeader(name);
        return;
    }
    SetHeader(name, SecurityMechanism::FormatList(list));
}

std::optional<SipDigest>
SipMessage::GetDigest(std::string_view name, SipParseError* error) const
{
    SipHeaderId id = SipHeaderNames::Lookup(name);
    const Header* h = FindFirst(id, name);
    if (!h)
    {
        return std::nullopt;
    }
    SipDigest::Kind kind = SipDigest::CREDENTIALS;
    if (id == SipHeaderId::AUTHENTICATION_INFO)
    {
        kind = SipDigest::INFO;
    }
    else if (id == SipHeaderId::WWW_AUTHENTICATE || id == SipHeaderId::PROXY_AUTHENTICATE)
    {
        kind = SipDigest::CHALLENGE;
    }
    SipDigest d(kind);
    std::string reason;
    size_t off = 0;
    if (!SipDigest::Parse(View(h->value), kind, &d, &reason, &off))
    {
        Report(error, SipParseError::BAD_HEADER_VALUE, name, reason, h->value.off + off);
        return std::nullopt;
    }
    return d;
}

void
SipMessage::SetDigest(std::string_view name, const SipDigest& digest)
{
    SetHeader(name, digest.ToString());
}

} // namespace ns3
