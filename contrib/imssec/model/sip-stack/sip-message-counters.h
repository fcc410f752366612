/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SIP_MESSAGE_COUNTERS_H
#define SIP_MESSAGE_COUNTERS_H

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ns3
{

class SipMessage;

/**
 * \ingroup imssec
 * \brief Messages and bytes of one direction (sent or received) of a SipTransport, per
 * request method and per response (CSeq method and status class 1xx..6xx).
 *
 * These are the load metrics of the experiments: every datagram counts, retransmissions
 * included.  At most MAX_METHODS distinct method names are kept; further ones (garbage
 * that happens to be well-formed) are counted under "OTHER".  A response whose CSeq cannot
 * be read (only possible for a 400 answering a malformed request) counts under "UNKNOWN".
 */
class SipMessageCounters
{
  public:
    static constexpr size_t MAX_METHODS = 32; //!< distinct method names kept

    /** Messages and their bytes (SIP text, i.e. UDP payload). */
    struct Count
    {
        uint64_t messages{0}; //!< number of messages
        uint64_t bytes{0};    //!< their bytes

        /**
         * \param other another count
         * \returns this, with other added
         */
        Count& operator+=(const Count& other);
    };

    /** One row of GetEntries(). */
    struct Entry
    {
        bool isResponse{false}; //!< response (else request)
        std::string method;     //!< request method, or CSeq method of the response
        uint8_t statusClass{0}; //!< 1..6 for responses, 0 for requests
        Count count;            //!< messages and bytes
    };

    /**
     * \brief Counts a message: a request by its method, a response by CSeq method and
     * status class.
     * \param message the message
     * \param bytes its size on the wire (UDP payload)
     */
    void Record(const SipMessage& message, uint32_t bytes);

    /**
     * \param method request method
     * \param bytes size
     */
    void RecordRequest(std::string_view method, uint32_t bytes);

    /**
     * \param method CSeq method ("" counts as UNKNOWN)
     * \param statusCode 100..699
     * \param bytes size
     */
    void RecordResponse(std::string_view method, uint16_t statusCode, uint32_t bytes);

    /**
     * \param method a request method, e.g. "REGISTER"
     * \returns requests with that method
     */
    Count GetRequests(std::string_view method) const;

    /**
     * \param method the CSeq method, e.g. "INVITE"
     * \param statusClass 1..6 (e.g. 2 for 2xx)
     * \returns responses with that CSeq method and class
     */
    Count GetResponses(std::string_view method, uint8_t statusClass) const;

    /**
     * \param method the CSeq method
     * \returns responses with that CSeq method, all classes
     */
    Count GetResponses(std::string_view method) const;

    /** \returns all requests */
    Count GetAllRequests() const;

    /** \returns all responses */
    Count GetAllResponses() const;

    /** \returns all messages */
    Count GetTotal() const;

    /** \returns every non-zero counter, methods in alphabetical order, requests first */
    std::vector<Entry> GetEntries() const;

    /** \brief Sets every counter to zero. */
    void Reset();

  private:
    /** Counters of one method. */
    struct PerMethod
    {
        Count requests;                 //!< requests with the method
        std::array<Count, 7> responses; //!< responses by class (index 1..6)
    };

    /**
     * \param method a method name
     * \returns its counters (created, or OTHER when MAX_METHODS are in use)
     */
    PerMethod& Slot(std::string_view method);

    std::map<std::string, PerMethod, std::less<>> m_methods; //!< counters by method
    Count m_requests;                                        //!< all requests
    Count m_responses;                                       //!< all responses
};

} // namespace ns3

#endif /* SIP_MESSAGE_COUNTERS_H */
