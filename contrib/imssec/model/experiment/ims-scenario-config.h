/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMS_SCENARIO_CONFIG_H
#define IMS_SCENARIO_CONFIG_H

#include "ns3/nstime.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

class ImsNetworkHelper;
class ImsThreatHelper;

/**
 * \ingroup imssec
 * \brief The parameters of one experiment run: parsed from text, checked, applied to an
 * ImsNetworkHelper and recorded with the run.
 *
 * The experiment program reads every option as text (so that a bad value is reported by
 * this class with the option's name and range, and the program exits with code 2 before
 * anything is simulated).  Times accept ns-3 units: "90", "90s", "15min", "1h", "2d", "250ms".
 * GetParameters() gives the values actually applied, in a canonical form (times in seconds),
 * which is what the results database records.
 */
class ImsScenarioConfig
{
  public:
    /** The typed values, valid after Parse() returned true. */
    struct Values
    {
        uint32_t ues{10};                                  //!< number of UEs
        Time simTime{Hours(6)};                            //!< simulated time
        Time rotationInterval{Hours(1)};                   //!< TEMP_PREFERRED_LIFETIME
        std::string privacyPreset{"rfc3041"};              //!< rfc3041, rfc4941 or rfc8981
        Time tempValidLifetime;                            //!< TEMP_VALID_LIFETIME (0: preset)
        Time regenAdvance;                                 //!< REGEN_ADVANCE (0: preset)
        Time maxDesyncFactor;                              //!< MAX_DESYNC_FACTOR (0: preset)
        int addrPrefLength{128};                           //!< sent by the UE, -1: not sent
        std::string pcscfPolicy{"honour"};                 //!< honour, clamp or ignore
        uint32_t minAddrPrefLength{64};                    //!< clamp policy minimum
        uint32_t prefixLength{64};                         //!< prefix length the GGSN allocates
        std::string rotationPolicy{"drop-and-reregister"}; //!< UE policy, uncovered address
        std::string coveredAction{"keep-contact"};         //!< UE policy, covered address
        Time registrationExpires{Seconds(3600)};           //!< Expires the UE asks for
        double sessionRate{2};                             //!< originating sessions per UE per hour
        double terminatingRate{0};                         //!< terminating sessions per UE per hour
        Time holdingTime{Seconds(180)};                    //!< mean holding time
        Time answerDelay{Seconds(1)};                      //!< remote party 180 -> 200
        std::string holdingDistribution{"exponential"};    //!< exponential or constant
        Time refreshInterval{Seconds(300)};                //!< in-dialog UPDATE period (0: none)
        std::string accessRate{"2Mbps"};                   //!< UE-GGSN link rate
        Time accessDelay{MilliSeconds(15)};                //!< UE-GGSN link delay
        double accessLoss{0};                              //!< UE-GGSN packet loss probability
        std::string coreRate{"1Gbps"};                     //!< core link rate
        Time coreDelay{MilliSeconds(5)};                   //!< core link delay
        double coreLoss{0};                                //!< core packet loss probability
        Time attachSpacing{MilliSeconds(10)};              //!< between two UEs' PDP activations
        double pcscfProcessingRate{0};                     //!< P-CSCF messages/s (0: infinite)
        uint32_t pcscfQueueLimit{1000};                    //!< P-CSCF queue, messages
        std::string attack{"none"};                        //!< ImsThreatHelper attack name
        Time attackTime{Seconds(30)};                      //!< when the attack starts
        uint32_t attackVictim{1};                          //!< victim UE (1..ues)
        double floodRate{400};                             //!< flood attack, messages/s
    };

    /** Fills the options with their defaults. */
    ImsScenarioConfig();

    /** One option: name, current text, help. */
    struct Option
    {
        std::string name;  //!< command-line name, without "--"
        std::string value; //!< current value, as text
        std::string help;  //!< one line, with unit and range
    };

    /** \returns the options, in a stable order */
    const std::vector<Option>& GetOptions() const;

    /**
     * \param name option name
     * \returns true if the name is an option of this class
     */
    bool HasOption(const std::string& name) const;

    /**
     * \brief Sets an option's text (checked by Parse).
     * \param name option name
     * \param value its text
     * \returns false for an unknown name
     */
    bool Set(const std::string& name, const std::string& value);

    /**
     * \brief Parses and checks every option, alone and together.
     * \param[out] error what is wrong, naming the option and what it accepts
     * \returns true when all options are valid
     */
    bool Parse(std::string& error);

    /** \returns the values (after a successful Parse) */
    const Values& GetValues() const;

    /**
     * \brief Applies the values to a network helper (after a successful Parse).
     * \param helper the helper, before Install
     */
    void Configure(ImsNetworkHelper& helper) const;

    /**
     * \brief Sets up the attack the options name (after a successful Parse).
     * \param threats the threat helper, before its Install
     */
    void Configure(ImsThreatHelper& threats) const;

    /**
     * \returns every parameter as (name, canonical text): times in seconds, the privacy
     * constants as applied after the preset and the rotation interval
     */
    std::vector<std::pair<std::string, std::string>> GetParameters() const;

    /**
     * \brief Parses a time: a non-negative number with an optional unit (d, h, min, s, ms,
     * us, ns; none means seconds).
     * \param text the text
     * \param[out] time the time
     * \returns false when the text is not a time
     */
    static bool ParseTime(const std::string& text, Time& time);

  private:
    /** Resolves the privacy constants the preset, the rotation interval and the explicit
     * options give together. */
    void ResolvePrivacyConstants();

    std::vector<Option> m_options; //!< the options
    Values m_values;               //!< parsed values
    bool m_parsed{false};          //!< Parse succeeded
};

} // namespace ns3

#endif /* IMS_SCENARIO_CONFIG_H */
