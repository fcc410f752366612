/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SIP_CONTENT_TYPE_H
#define SIP_CONTENT_TYPE_H

#include "sip-params.h"

#include <string>
#include <string_view>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief A media type (RFC 3261 section 20.15 Content-Type): "application/sdp;charset=x".
 */
class SipContentType
{
  public:
    SipContentType();

    /**
     * \param type the type, e.g. "application"
     * \param subtype the subtype, e.g. "sdp"
     */
    SipContentType(std::string_view type, std::string_view subtype);

    /**
     * \param text the value
     * \param out receives the value
     * \param error receives the reason of a failure (may be nullptr)
     * \param errorOffset receives the offset in text of a failure (may be nullptr)
     * \returns true on success
     */
    static bool Parse(std::string_view text,
                      SipContentType* out,
                      std::string* error,
                      size_t* errorOffset = nullptr);

    /**
     * \returns the type as written
     */
    const std::string& GetType() const
    {
        return m_type;
    }

    /**
     * \returns the subtype as written
     */
    const std::string& GetSubtype() const
    {
        return m_subtype;
    }

    /**
     * \param type a type
     * \param subtype a subtype
     * \returns true when the media type is type/subtype, ignoring case
     */
    bool Is(std::string_view type, std::string_view subtype) const;

    /**
     * \returns the parameters
     */
    const SipParams& GetParams() const
    {
        return m_params;
    }

    /**
     * \returns the parameters, for changes
     */
    SipParams& GetParams()
    {
        return m_params;
    }

    /**
     * \returns "type/subtype;params"
     */
    std::string ToString() const;

  private:
    std::string m_type;    ///< m-type
    std::string m_subtype; ///< m-subtype
    SipParams m_params;    ///< m-parameters
};

} // namespace ns3

#endif /* SIP_CONTENT_TYPE_H */
