/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ns3/enum.h"
#include "ns3/hss.h"
#include "ns3/ims-network-helper.h"
#include "ns3/ims-scenario-config.h"
#include "ns3/ims-ue-client.h"
#include "ns3/integer.h"
#include "ns3/pcscf.h"
#include "ns3/remote-party.h"
#include "ns3/scscf.h"
#include "ns3/simulator.h"
#include "ns3/temporary-address-manager.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <map>

using namespace ns3;

namespace
{

/**
 * \param config a configuration
 * \returns its parameters as a map
 */
std::map<std::string, std::string>
ParameterMap(const ImsScenarioConfig& config)
{
    std::map<std::string, std::string> m;
    for (const auto& [name, value] : config.GetParameters())
    {
        m[name] = value;
    }
    return m;
}

} // namespace

/** Time texts with units, and what is not a time. */
class ScenarioTimeTestCase : public TestCase
{
  public:
    ScenarioTimeTestCase()
        : TestCase("times with units parse, other text does not")
    {
    }

  private:
    void DoRun() override
    {
        const std::pair<const char*, double> good[] = {{"90", 90},
                                                       {"90s", 90},
                                                       {"15min", 900},
                                                       {"1h", 3600},
                                                       {"2d", 172800},
                                                       {"250ms", 0.25},
                                                       {"1.5h", 5400},
                                                       {"1e3s", 1000},
                                                       {"0", 0}};
        for (const auto& [text, seconds] : good)
        {
            Time t;
            NS_TEST_ASSERT_MSG_EQ(ImsScenarioConfig::ParseTime(text, t), true, text);
            NS_TEST_ASSERT_MSG_EQ_TOL(t.GetSeconds(), seconds, 1e-9, text);
        }
        for (const char* text : {"", "abc", "-5s", "5 s", "1x", "h", "1e", "1hh", "2e12"})
        {
            Time t;
            NS_TEST_ASSERT_MSG_EQ(ImsScenarioConfig::ParseTime(text, t), false, text);
        }
    }
};

/** Every bad value is refused with the option's name; good values are canonical. */
class ScenarioValidationTestCase : public TestCase
{
  public:
    ScenarioValidationTestCase()
        : TestCase("bad values are refused naming the option")
    {
    }

  private:
    void DoRun() override
    {
        const std::pair<const char*, const char*> bad[] = {
            {"ues", "0"},
            {"ues", "ten"},
            {"ues", "2000000"},
            {"addrPrefLength", "129"},
            {"addrPrefLength", "-2"},
            {"pcscfPolicy", "always"},
            {"rotationPolicy", "sometimes"},
            {"coveredAction", "x"},
            {"privacyPreset", "rfc2462"},
            {"rotationInterval", "3s"},
            {"simTime", "0"},
            {"simTime", "soon"},
            {"sessionRate", "-1"},
            {"sessionRate", "nan"},
            {"accessLoss", "0.7"},
            {"accessRate", "fast"},
            {"registrationExpires", "10"},
            {"refreshInterval", "30s"},
            {"prefixLength", "80"},
            {"holdingTime", "0"},
            {"holdingDistribution", "pareto"},
            {"maxDesyncFactor", "2h"},
            {"tempValidLifetime", "10min"},
        };
        for (const auto& [name, value] : bad)
        {
            ImsScenarioConfig config;
            NS_TEST_ASSERT_MSG_EQ(config.Set(name, value), true, name);
            std::string error;
            NS_TEST_ASSERT_MSG_EQ(config.Parse(error), false, name << "=" << value);
            NS_TEST_ASSERT_MSG_NE(error.find(std::string("--") + name),
                                  std::string::npos,
                                  "the message names the option: " << error);
        }
        // A rotation interval too short for the privacy constants: the message names the RFC
        // constants at stake and the options that set them (8 s: DESYNC_FACTOR, which the
        // user did not set, up to 0.4 x 8 s, leaves a preferred lifetime under REGEN_ADVANCE).
        for (const char* interval : {"3s", "8s"})
        {
            ImsScenarioConfig c;
            c.Set("rotationInterval", interval);
            std::string e;
            NS_TEST_ASSERT_MSG_EQ(c.Parse(e), false, interval);
            for (const char* part : {"--rotationInterval", "REGEN_ADVANCE", "--regenAdvance"})
            {
                NS_TEST_EXPECT_MSG_NE(e.find(part), std::string::npos, part << " in: " << e);
            }
            if (std::string(interval) == "8s")
            {
                NS_TEST_EXPECT_MSG_NE(e.find("DESYNC_FACTOR"), std::string::npos, e);
                NS_TEST_EXPECT_MSG_NE(e.find("--maxDesyncFactor"), std::string::npos, e);
                NS_TEST_EXPECT_MSG_NE(e.find("8.33"), std::string::npos, "shortest: " << e);
            }
        }
        ImsScenarioConfig c9;
        c9.Set("rotationInterval", "9s");
        std::string e9;
        NS_TEST_EXPECT_MSG_EQ(c9.Parse(e9), true, "9 s is long enough: " << e9);

        ImsScenarioConfig config;
        NS_TEST_ASSERT_MSG_EQ(config.Set("noSuchOption", "1"), false, "unknown option");

        std::string error;
        NS_TEST_ASSERT_MSG_EQ(config.Parse(error), true, "the defaults are valid: " << error);
        config.Set("simTime", "1d");
        config.Set("rotationInterval", "15min");
        config.Set("addrPrefLength", "64");
        config.Set("accessDelay", "20ms");
        NS_TEST_ASSERT_MSG_EQ(config.Parse(error), true, error);
        auto p = ParameterMap(config);
        NS_TEST_ASSERT_MSG_EQ(p["simTime"], "86400", "times are recorded in seconds");
        NS_TEST_ASSERT_MSG_EQ(p["rotationInterval"], "900", "rotation interval");
        NS_TEST_ASSERT_MSG_EQ(p["addrPrefLength"], "64", "addr-pref-length");
        NS_TEST_ASSERT_MSG_EQ(p["accessDelay"], "0.02", "access delay");
        // RFC 3041 constants: MAX_DESYNC_FACTOR 10 min fits below 15 min - REGEN_ADVANCE
        NS_TEST_ASSERT_MSG_EQ(p["maxDesyncFactor"], "600", "preset desync kept");
        NS_TEST_ASSERT_MSG_EQ(p["regenAdvance"], "5", "preset REGEN_ADVANCE");
        NS_TEST_ASSERT_MSG_EQ(p["tempValidLifetime"], "604800", "preset valid lifetime");
        // a 10 min interval leaves no room for a 10 min desync: reduced to 0.4 x interval
        config.Set("rotationInterval", "10min");
        NS_TEST_ASSERT_MSG_EQ(config.Parse(error), true, error);
        NS_TEST_ASSERT_MSG_EQ(ParameterMap(config)["maxDesyncFactor"], "240", "reduced desync");
        // an explicit desync that contradicts the interval is an error, not silently changed
        config.Set("maxDesyncFactor", "9min");
        NS_TEST_ASSERT_MSG_EQ(config.Parse(error), true, error);
        NS_TEST_ASSERT_MSG_EQ(ParameterMap(config)["maxDesyncFactor"], "540", "explicit desync");
        config.Set("maxDesyncFactor", "10min");
        NS_TEST_ASSERT_MSG_EQ(config.Parse(error), false, "desync >= interval - regen");
    }
};

/** Configure() sets what the options say on the nodes a helper builds. */
class ScenarioConfigureTestCase : public TestCase
{
  public:
    ScenarioConfigureTestCase()
        : TestCase("Configure applies the options to the nodes")
    {
    }

  private:
    void DoRun() override
    {
        ImsScenarioConfig config;
        config.Set("ues", "2");
        config.Set("addrPrefLength", "56");
        config.Set("pcscfPolicy", "clamp");
        config.Set("minAddrPrefLength", "60");
        config.Set("rotationPolicy", "defer-while-busy");
        config.Set("rotationInterval", "45min");
        config.Set("regenAdvance", "7s");
        config.Set("registrationExpires", "1800");
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(config.Parse(error), true, error);
        ImsNetworkHelper helper;
        config.Configure(helper);
        ImsNetwork net = helper.Install(2);
        Ptr<ImsUeClient> ue = net.GetUeClient(1);
        IntegerValue apl;
        ue->GetAttribute("AddrPrefLength", apl);
        NS_TEST_ASSERT_MSG_EQ(apl.Get(), 56, "UE addr-pref-length");
        EnumValue rotation;
        ue->GetAttribute("RotationPolicy", rotation);
        NS_TEST_ASSERT_MSG_EQ(rotation.Get(),
                              int(ImsUeRotationPolicy::DEFER_WHILE_BUSY),
                              "UE rotation policy");
        UintegerValue expires;
        ue->GetAttribute("RegistrationExpires", expires);
        NS_TEST_ASSERT_MSG_EQ(expires.Get(), 1800, "registration expiry");
        UintegerValue minLength;
        net.pcscfApp->GetAttribute("MinAddrPrefLength", minLength);
        NS_TEST_ASSERT_MSG_EQ(minLength.Get(), 60, "P-CSCF clamp minimum");
        EnumValue policy;
        net.pcscfApp->GetAttribute("AddrPrefLengthPolicy", policy);
        NS_TEST_ASSERT_MSG_EQ(policy.Get(), int(AddrPrefLengthPolicy::CLAMP), "P-CSCF policy");
        Ptr<TemporaryAddressManager> tam = net.ues.Get(0)->GetObject<TemporaryAddressManager>();
        NS_TEST_ASSERT_MSG_NE(tam, nullptr, "address manager");
        TimeValue preferred;
        TimeValue regen;
        tam->GetAttribute("TempPreferredLifetime", preferred);
        tam->GetAttribute("RegenAdvance", regen);
        NS_TEST_ASSERT_MSG_EQ(preferred.Get(), Minutes(45), "TEMP_PREFERRED_LIFETIME");
        NS_TEST_ASSERT_MSG_EQ(regen.Get(), Seconds(7), "REGEN_ADVANCE");
        Simulator::Destroy();
    }
};

/** The scenario configuration suite. */
class ScenarioConfigTestSuite : public TestSuite
{
  public:
    ScenarioConfigTestSuite()
        : TestSuite("imssec-experiment-config", UNIT)
    {
        AddTestCase(new ScenarioTimeTestCase, TestCase::QUICK);
        AddTestCase(new ScenarioValidationTestCase, TestCase::QUICK);
        AddTestCase(new ScenarioConfigureTestCase, TestCase::QUICK);
    }
};

/// The suite's instance.
static ScenarioConfigTestSuite g_scenarioConfigTestSuite;
