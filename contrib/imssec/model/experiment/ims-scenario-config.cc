/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-scenario-config.h"

#include "ns3/boolean.h"
#include "ns3/data-rate.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/ims-network-helper.h"
#include "ns3/ims-threat-helper.h"
#include "ns3/integer.h"
#include "ns3/log.h"
#include "ns3/string.h"
#include "ns3/temporary-address-manager.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecScenarioConfig");

namespace
{

/**
 * \param text text
 * \param[out] value the number
 * \returns true if text is a finite number and nothing else
 */
bool
ParseDouble(const std::string& text, double& value)
{
    if (text.empty())
    {
        return false;
    }
    char* end = nullptr;
    value = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size() && std::isfinite(value);
}

/**
 * \param text text
 * \param lo smallest value
 * \param hi largest value
 * \param[out] value the integer
 * \returns true if text is an integer in [lo, hi]
 */
bool
ParseInteger(const std::string& text, long long lo, long long hi, long long& value)
{
    if (text.empty())
    {
        return false;
    }
    char* end = nullptr;
    value = std::strtoll(text.c_str(), &end, 10);
    return end == text.c_str() + text.size() && value >= lo && value <= hi;
}

/**
 * \param value a number
 * \returns its shortest exact-enough text ("3600", "0.05")
 */
std::string
Number(double value)
{
    std::ostringstream os;
    os.precision(12);
    os << value;
    return os.str();
}

/**
 * \param t a time
 * \returns seconds as text
 */
std::string
SecondsText(Time t)
{
    return Number(t.GetSeconds());
}

/**
 * \param text a name
 * \param choices the accepted names
 * \returns true if text is one of them
 */
bool
OneOf(const std::string& text, std::initializer_list<const char*> choices)
{
    for (const char* c : choices)
    {
        if (text == c)
        {
            return true;
        }
    }
    return false;
}

/**
 * \param name preset name
 * \returns the preset
 */
TemporaryAddressManager::Preset
PresetOf(const std::string& name)
{
    if (name == "rfc4941")
    {
        return TemporaryAddressManager::RFC_4941;
    }
    if (name == "rfc8981")
    {
        return TemporaryAddressManager::RFC_8981;
    }
    return TemporaryAddressManager::RFC_3041;
}

} // namespace

ImsScenarioConfig::ImsScenarioConfig()
{
    m_options = {
        {"ues", "10", "number of UEs (1..1000000)"},
        {"simTime", "6h", "simulated time (> 0; e.g. 6h, 1d)"},
        {"rotationInterval",
         "1h",
         "TEMP_PREFERRED_LIFETIME, the rotation interval (> regenAdvance)"},
        {"privacyPreset", "rfc3041", "privacy extension constants: rfc3041, rfc4941 or rfc8981"},
        {"tempValidLifetime",
         "0",
         "TEMP_VALID_LIFETIME (0: the preset's, at least rotationInterval)"},
        {"regenAdvance", "0", "REGEN_ADVANCE (0: the preset's)"},
        {"maxDesyncFactor",
         "0",
         "MAX_DESYNC_FACTOR (0: the preset's, reduced to 0.4 x rotationInterval when larger)"},
        {"addrPrefLength", "128", "addr-pref-length the UEs send, bits (0..128; -1: not sent)"},
        {"pcscfPolicy", "honour", "P-CSCF toward addr-pref-length: honour, clamp or ignore"},
        {"minAddrPrefLength", "64", "shortest selector length the clamp policy grants (0..128)"},
        {"prefixLength", "64", "prefix length the GGSN allocates to each UE (48..64)"},
        {"rotationPolicy",
         "drop-and-reregister",
         "UE on an uncovered new address: drop-and-reregister, defer-while-busy or no-rotation"},
        {"coveredAction",
         "keep-contact",
         "UE on a covered new address: keep-contact or refresh-contact"},
        {"registrationExpires", "3600", "registration expiry the UE asks for (60 s .. 7 d)"},
        {"sessionRate", "2", "originating sessions per UE per hour (Poisson, >= 0)"},
        {"terminatingRate", "0", "terminating sessions per UE per hour (Poisson, >= 0)"},
        {"holdingTime", "180", "mean session holding time (> 0)"},
        {"answerDelay", "1s", "remote party: 180 Ringing to 200 OK of sessions it answers (>= 0)"},
        {"holdingDistribution",
         "exponential",
         "holding time distribution: exponential or constant"},
        {"refreshInterval", "300", "in-dialog UPDATE period of sessions (0: no session timer)"},
        {"accessRate", "2Mbps", "UE-GGSN link rate (ns-3 DataRate text)"},
        {"accessDelay", "15ms", "UE-GGSN link one-way delay"},
        {"accessLoss", "0", "UE-GGSN packet loss probability (0..0.5)"},
        {"coreRate", "1Gbps", "core link rate (ns-3 DataRate text)"},
        {"coreDelay", "5ms", "core link one-way delay"},
        {"coreLoss", "0", "core packet loss probability (0..0.5)"},
        {"attachSpacing", "10ms", "time between two UEs' PDP context activations"},
        {"pcscfProcessingRate", "0", "P-CSCF SIP messages processed per second (0: infinite)"},
        {"pcscfQueueLimit", "1000", "P-CSCF messages waiting at most (1..10000000)"},
        {"attack",
         "none",
         "attack run with the load (none, bidding-down-server, ...; see ImsThreatHelper)"},
        {"attackTime", "30s", "when the attack starts (< simTime)"},
        {"attackVictim", "1", "the attacked UE (1..ues)"},
        {"floodRate", "400", "flood attack: messages per second at the P-CSCF (> 0)"},
    };
}

const std::vector<ImsScenarioConfig::Option>&
ImsScenarioConfig::GetOptions() const
{
    return m_options;
}

bool
ImsScenarioConfig::HasOption(const std::string& name) const
{
    for (const Option& o : m_options)
    {
        if (o.name == name)
        {
            return true;
        }
    }
    return false;
}

bool
ImsScenarioConfig::Set(const std::string& name, const std::string& value)
{
    NS_LOG_FUNCTION(this << name << value);
    for (Option& o : m_options)
    {
        if (o.name == name)
        {
            o.value = value;
            m_parsed = false;
            return true;
        }
    }
    return false;
}

bool
ImsScenarioConfig::ParseTime(const std::string& text, Time& time)
{
    size_t split = 0;
    while (split < text.size() && (std::isdigit(static_cast<unsigned char>(text[split])) ||
                                   text[split] == '.' || text[split] == 'e' || text[split] == 'E' ||
                                   ((text[split] == '+' || text[split] == '-') && split > 0 &&
                                    (text[split - 1] == 'e' || text[split - 1] == 'E'))))
    {
        ++split;
    }
    // "1e" followed by no exponent digits is not a number; let strtod decide
    double number = 0;
    if (!ParseDouble(text.substr(0, split), number) || number < 0)
    {
        return false;
    }
    std::string unit = text.substr(split);
    double factor = 0;
    if (unit.empty() || unit == "s")
    {
        factor = 1;
    }
    else if (unit == "ms")
    {
        factor = 1e-3;
    }
    else if (unit == "us")
    {
        factor = 1e-6;
    }
    else if (unit == "ns")
    {
        factor = 1e-9;
    }
    else if (unit == "min")
    {
        factor = 60;
    }
    else if (unit == "h")
    {
        factor = 3600;
    }
    else if (unit == "d")
    {
        factor = 86400;
    }
    else
    {
        return false;
    }
    double seconds = number * factor;
    if (seconds > 1e9)
    {
        return false; // beyond any sensible run, and beyond exact Time arithmetic
    }
    time = Seconds(seconds);
    return true;
}

bool
ImsScenarioConfig::Parse(std::string& error)
{
    NS_LOG_FUNCTION(this);
    Values v;
    auto bad = [&error](const Option& o, const std::string& what) {
        error = "--" + o.name + "=" + o.value + ": " + what;
        return false;
    };
    for (const Option& o : m_options)
    {
        const std::string& s = o.name;
        long long i = 0;
        double d = 0;
        Time t;
        if (s == "ues")
        {
            if (!ParseInteger(o.value, 1, 1000000, i))
            {
                return bad(o, "needs an integer from 1 to 1000000");
            }
            v.ues = static_cast<uint32_t>(i);
        }
        else if (s == "addrPrefLength")
        {
            if (!ParseInteger(o.value, -1, 128, i))
            {
                return bad(o, "needs an integer from -1 (not sent) to 128");
            }
            v.addrPrefLength = static_cast<int>(i);
        }
        else if (s == "minAddrPrefLength" || s == "prefixLength")
        {
            long long lo = s == "prefixLength" ? 48 : 0;
            long long hi = s == "prefixLength" ? 64 : 128;
            if (!ParseInteger(o.value, lo, hi, i))
            {
                return bad(o,
                           "needs an integer from " + std::to_string(lo) + " to " +
                               std::to_string(hi));
            }
            (s == "prefixLength" ? v.prefixLength : v.minAddrPrefLength) = static_cast<uint32_t>(i);
        }
        else if (s == "pcscfQueueLimit" || s == "attackVictim")
        {
            if (!ParseInteger(o.value, 1, 10000000, i))
            {
                return bad(o, "needs an integer from 1 to 10000000");
            }
            (s == "pcscfQueueLimit" ? v.pcscfQueueLimit : v.attackVictim) =
                static_cast<uint32_t>(i);
        }
        else if (s == "pcscfProcessingRate" || s == "floodRate")
        {
            if (!ParseDouble(o.value, d) || d < 0 || d > 1e7 || (s == "floodRate" && d == 0))
            {
                return bad(o,
                           s == "floodRate" ? "needs a rate above 0 (messages/s)"
                                            : "needs a rate >= 0 (messages/s; 0: infinite)");
            }
            (s == "pcscfProcessingRate" ? v.pcscfProcessingRate : v.floodRate) = d;
        }
        else if (s == "attack")
        {
            auto names = ImsThreatHelper::GetAttackNames();
            if (std::find(names.begin(), names.end(), o.value) == names.end())
            {
                std::string list;
                for (const std::string& n : names)
                {
                    list += (list.empty() ? "" : ", ") + n;
                }
                return bad(o, "needs one of " + list);
            }
            v.attack = o.value;
        }
        else if (s == "sessionRate" || s == "terminatingRate")
        {
            if (!ParseDouble(o.value, d) || d < 0 || d > 3600)
            {
                return bad(o, "needs a rate from 0 to 3600 per hour");
            }
            (s == "sessionRate" ? v.sessionRate : v.terminatingRate) = d;
        }
        else if (s == "accessLoss" || s == "coreLoss")
        {
            if (!ParseDouble(o.value, d) || d < 0 || d > 0.5)
            {
                return bad(o, "needs a probability from 0 to 0.5");
            }
            (s == "accessLoss" ? v.accessLoss : v.coreLoss) = d;
        }
        else if (s == "accessRate" || s == "coreRate")
        {
            DataRateValue value;
            if (!value.DeserializeFromString(o.value, MakeDataRateChecker()) ||
                value.Get().GetBitRate() == 0)
            {
                return bad(o, "needs a data rate such as 2Mbps");
            }
            (s == "accessRate" ? v.accessRate : v.coreRate) = o.value;
        }
        else if (s == "privacyPreset")
        {
            if (!OneOf(o.value, {"rfc3041", "rfc4941", "rfc8981"}))
            {
                return bad(o, "needs rfc3041, rfc4941 or rfc8981");
            }
            v.privacyPreset = o.value;
        }
        else if (s == "pcscfPolicy")
        {
            if (!OneOf(o.value, {"honour", "clamp", "ignore"}))
            {
                return bad(o, "needs honour, clamp or ignore");
            }
            v.pcscfPolicy = o.value;
        }
        else if (s == "rotationPolicy")
        {
            if (!OneOf(o.value, {"drop-and-reregister", "defer-while-busy", "no-rotation"}))
            {
                return bad(o, "needs drop-and-reregister, defer-while-busy or no-rotation");
            }
            v.rotationPolicy = o.value;
        }
        else if (s == "coveredAction")
        {
            if (!OneOf(o.value, {"keep-contact", "refresh-contact"}))
            {
                return bad(o, "needs keep-contact or refresh-contact");
            }
            v.coveredAction = o.value;
        }
        else if (s == "holdingDistribution")
        {
            if (!OneOf(o.value, {"exponential", "constant"}))
            {
                return bad(o, "needs exponential or constant");
            }
            v.holdingDistribution = o.value;
        }
        else
        {
            // every other option is a time
            if (!ParseTime(o.value, t))
            {
                return bad(o, "needs a time such as 90s, 15min, 1h or 2d");
            }
            if (s == "simTime")
            {
                v.simTime = t;
            }
            else if (s == "rotationInterval")
            {
                v.rotationInterval = t;
            }
            else if (s == "tempValidLifetime")
            {
                v.tempValidLifetime = t;
            }
            else if (s == "regenAdvance")
            {
                v.regenAdvance = t;
            }
            else if (s == "maxDesyncFactor")
            {
                v.maxDesyncFactor = t;
            }
            else if (s == "registrationExpires")
            {
                v.registrationExpires = t;
            }
            else if (s == "holdingTime")
            {
                v.holdingTime = t;
            }
            else if (s == "answerDelay")
            {
                v.answerDelay = t;
            }
            else if (s == "refreshInterval")
            {
                v.refreshInterval = t;
            }
            else if (s == "accessDelay")
            {
                v.accessDelay = t;
            }
            else if (s == "coreDelay")
            {
                v.coreDelay = t;
            }
            else if (s == "attachSpacing")
            {
                v.attachSpacing = t;
            }
            else if (s == "attackTime")
            {
                v.attackTime = t;
            }
            else
            {
                error = "internal: option --" + s + " has no parser";
                return false;
            }
        }
    }

    auto find = [this](const std::string& name) -> const Option& {
        for (const Option& o : m_options)
        {
            if (o.name == name)
            {
                return o;
            }
        }
        return m_options.front();
    };
    if (!v.simTime.IsStrictlyPositive())
    {
        return bad(find("simTime"), "must be positive");
    }
    if (!v.holdingTime.IsStrictlyPositive())
    {
        return bad(find("holdingTime"), "must be positive");
    }
    if (v.answerDelay.IsStrictlyNegative() || v.answerDelay > Seconds(180))
    {
        // RFC 3261 13.3.1.1: a UAS that answers later than 3 minutes is unusual; the model's
        // remote party sends no reliable provisional refreshes.
        return bad(find("answerDelay"), "must be from 0 to 180 s");
    }
    if (v.registrationExpires < Seconds(60) || v.registrationExpires > Seconds(604800))
    {
        return bad(find("registrationExpires"), "must be from 60 s to 7 days");
    }
    if (!v.refreshInterval.IsZero() && v.refreshInterval < Seconds(90))
    {
        return bad(find("refreshInterval"),
                   "must be 0 or at least 90 s (Session-Expires >= Min-SE, RFC 4028)");
    }
    if (v.addrPrefLength >= 0 && v.addrPrefLength < int(v.prefixLength))
    {
        NS_LOG_WARN("addr-pref-length " << v.addrPrefLength << " is shorter than the allocated /"
                                        << v.prefixLength << ": SAs would cover other UEs");
    }
    if (v.attachSpacing * double(v.ues) >= v.simTime)
    {
        return bad(find("attachSpacing"), "every UE must attach within simTime");
    }
    if (v.attack != "none" && v.attackTime >= v.simTime)
    {
        return bad(find("attackTime"), "must be before simTime");
    }
    if (v.attackVictim > v.ues)
    {
        return bad(find("attackVictim"), "must name a UE (1.." + std::to_string(v.ues) + ")");
    }
    bool desyncGiven = v.maxDesyncFactor.IsStrictlyPositive();
    m_values = v;
    ResolvePrivacyConstants();
    const Values& r = m_values;
    // RFC 8981 3.8 (RFC 4941 3.5): a temporary address's preferred lifetime,
    // TEMP_PREFERRED_LIFETIME - DESYNC_FACTOR, must exceed REGEN_ADVANCE, or no address is
    // ever made; DESYNC_FACTOR may be drawn as large as MAX_DESYNC_FACTOR.
    const std::string regen =
        "REGEN_ADVANCE (" + SecondsText(r.regenAdvance) + " s, --regenAdvance)";
    if (r.rotationInterval <= r.regenAdvance)
    {
        return bad(find("rotationInterval"),
                   "too short: the rotation interval, TEMP_PREFERRED_LIFETIME, must exceed " +
                       regen);
    }
    if (r.maxDesyncFactor >= r.rotationInterval - r.regenAdvance)
    {
        if (desyncGiven)
        {
            return bad(find("maxDesyncFactor"),
                       "must be below rotationInterval - " + regen +
                           ": TEMP_PREFERRED_LIFETIME - DESYNC_FACTOR must exceed REGEN_ADVANCE "
                           "(RFC 8981 3.8)");
        }
        return bad(find("rotationInterval"),
                   "too short: TEMP_PREFERRED_LIFETIME - DESYNC_FACTOR must exceed " + regen +
                       ", and MAX_DESYNC_FACTOR is 0.4 x rotationInterval (--maxDesyncFactor), "
                       "so rotationInterval must exceed " +
                       SecondsText(r.regenAdvance / 0.6) + " s (RFC 8981 3.8)");
    }
    if (r.tempValidLifetime < r.rotationInterval)
    {
        return bad(find("tempValidLifetime"), "must be at least rotationInterval");
    }
    m_parsed = true;
    return true;
}

void
ImsScenarioConfig::ResolvePrivacyConstants()
{
    // The order of TemporaryAddressManagerHelper::SetRotationInterval: preset, then the
    // interval (which shrinks MAX_DESYNC_FACTOR and stretches the valid lifetime where they
    // would contradict it), then what the user set explicitly.
    TemporaryAddressManager::Constants c =
        TemporaryAddressManager::GetPresetConstants(PresetOf(m_values.privacyPreset));
    Values& v = m_values;
    Time regen = v.regenAdvance.IsStrictlyPositive() ? v.regenAdvance : c.regenAdvance;
    Time desync = c.maxDesyncFactor;
    if (desync >= v.rotationInterval - regen)
    {
        desync = v.rotationInterval * 0.4;
    }
    Time valid = std::max(c.validLifetime, v.rotationInterval);
    v.regenAdvance = regen;
    v.maxDesyncFactor = v.maxDesyncFactor.IsStrictlyPositive() ? v.maxDesyncFactor : desync;
    v.tempValidLifetime = v.tempValidLifetime.IsStrictlyPositive() ? v.tempValidLifetime : valid;
}

const ImsScenarioConfig::Values&
ImsScenarioConfig::GetValues() const
{
    return m_values;
}

void
ImsScenarioConfig::Configure(ImsNetworkHelper& helper) const
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_parsed, "ImsScenarioConfig::Configure before a successful Parse");
    const Values& v = m_values;
    helper.SetPrivacyPreset(PresetOf(v.privacyPreset));
    helper.SetTemporaryAddressAttribute("TempPreferredLifetime", TimeValue(v.rotationInterval));
    helper.SetTemporaryAddressAttribute("TempValidLifetime", TimeValue(v.tempValidLifetime));
    helper.SetTemporaryAddressAttribute("RegenAdvance", TimeValue(v.regenAdvance));
    helper.SetTemporaryAddressAttribute("MaxDesyncFactor", TimeValue(v.maxDesyncFactor));
    helper.GetAccessHelper().SetPoolAttribute("AllocatedPrefixLength",
                                              UintegerValue(v.prefixLength));

    helper.SetUeAttribute("AddrPrefLength", IntegerValue(v.addrPrefLength));
    helper.SetUeAttribute("RotationPolicy", StringValue(v.rotationPolicy));
    helper.SetUeAttribute("CoveredRotationAction", StringValue(v.coveredAction));
    helper.SetUeAttribute("RegistrationExpires",
                          UintegerValue(uint32_t(v.registrationExpires.GetSeconds())));
    helper.SetUeAttribute("SessionArrivalRate", DoubleValue(v.sessionRate));
    helper.SetUeAttribute("SessionRefreshInterval", TimeValue(v.refreshInterval));
    std::string holding =
        v.holdingDistribution == "constant"
            ? "ns3::ConstantRandomVariable[Constant=" + SecondsText(v.holdingTime) + "]"
            : "ns3::ExponentialRandomVariable[Mean=" + SecondsText(v.holdingTime) + "]";
    helper.SetUeAttribute("HoldingTime", StringValue(holding));
    helper.SetRemotePartyAttribute("TerminatingSessionRate", DoubleValue(v.terminatingRate));
    helper.SetRemotePartyAttribute("HoldingTime", StringValue(holding));
    helper.SetRemotePartyAttribute("AnswerDelay", TimeValue(v.answerDelay));
    helper.SetRemotePartyAttribute("SessionRefreshInterval", TimeValue(v.refreshInterval));
    helper.SetPcscfAttribute("AddrPrefLengthPolicy", StringValue(v.pcscfPolicy));
    helper.SetPcscfAttribute("MinAddrPrefLength", UintegerValue(v.minAddrPrefLength));
    helper.SetAccessLink(v.accessRate, v.accessDelay, v.accessLoss);
    helper.SetCoreLink(v.coreRate, v.coreDelay, v.coreLoss);
    helper.SetAttach(Seconds(1), v.attachSpacing);
    helper.SetPcscfAttribute("ProcessingRate", DoubleValue(v.pcscfProcessingRate));
    helper.SetPcscfAttribute("QueueLimit", UintegerValue(v.pcscfQueueLimit));
}

void
ImsScenarioConfig::Configure(ImsThreatHelper& threats) const
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_parsed, "ImsScenarioConfig::Configure before a successful Parse");
    const Values& v = m_values;
    threats.SetAttackTime(v.attackTime);
    threats.SetVictim(v.attackVictim - 1);
    if (v.attack == "flood")
    {
        threats.SetAttribute("Rate", DoubleValue(v.floodRate));
    }
}

std::vector<std::pair<std::string, std::string>>
ImsScenarioConfig::GetParameters() const
{
    const Values& v = m_values;
    return {
        {"ues", std::to_string(v.ues)},
        {"simTime", SecondsText(v.simTime)},
        {"rotationInterval", SecondsText(v.rotationInterval)},
        {"privacyPreset", v.privacyPreset},
        {"tempValidLifetime", SecondsText(v.tempValidLifetime)},
        {"regenAdvance", SecondsText(v.regenAdvance)},
        {"maxDesyncFactor", SecondsText(v.maxDesyncFactor)},
        {"addrPrefLength", std::to_string(v.addrPrefLength)},
        {"pcscfPolicy", v.pcscfPolicy},
        {"minAddrPrefLength", std::to_string(v.minAddrPrefLength)},
        {"prefixLength", std::to_string(v.prefixLength)},
        {"rotationPolicy", v.rotationPolicy},
        {"coveredAction", v.coveredAction},
        {"registrationExpires", SecondsText(v.registrationExpires)},
        {"sessionRate", Number(v.sessionRate)},
        {"terminatingRate", Number(v.terminatingRate)},
        {"holdingTime", SecondsText(v.holdingTime)},
        {"answerDelay", SecondsText(v.answerDelay)},
        {"holdingDistribution", v.holdingDistribution},
        {"refreshInterval", SecondsText(v.refreshInterval)},
        {"accessRate", v.accessRate},
        {"accessDelay", SecondsText(v.accessDelay)},
        {"accessLoss", Number(v.accessLoss)},
        {"coreRate", v.coreRate},
        {"coreDelay", SecondsText(v.coreDelay)},
        {"coreLoss", Number(v.coreLoss)},
        {"attachSpacing", SecondsText(v.attachSpacing)},
        {"pcscfProcessingRate", Number(v.pcscfProcessingRate)},
        {"pcscfQueueLimit", std::to_string(v.pcscfQueueLimit)},
        {"attack", v.attack},
        {"attackTime", SecondsText(v.attackTime)},
        {"attackVictim", std::to_string(v.attackVictim)},
        {"floodRate", Number(v.floodRate)},
    };
}

} // namespace ns3
