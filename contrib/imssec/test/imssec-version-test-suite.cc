/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ns3/imssec-version.h"
#include "ns3/test.h"

#include <regex>

using namespace ns3;

/**
 * \ingroup imssec-tests
 * The version written into every results database must be a plain "major.minor.patch", which
 * the top-level build also parses.
 */
class ImssecVersionFormatTestCase : public TestCase
{
  public:
    ImssecVersionFormatTestCase()
        : TestCase("version string is major.minor.patch")
    {
    }

  private:
    void DoRun() override
    {
        std::string version = GetImssecVersion();
        NS_TEST_ASSERT_MSG_EQ(std::regex_match(version, std::regex("[0-9]+\\.[0-9]+\\.[0-9]+")),
                              true,
                              "unexpected version format: " << version);
        NS_TEST_ASSERT_MSG_EQ(version, std::string(IMSSEC_VERSION_STRING), "two versions");
    }
};

/**
 * \ingroup imssec-tests
 * Version suite.
 */
class ImssecVersionTestSuite : public TestSuite
{
  public:
    ImssecVersionTestSuite()
        : TestSuite("imssec-version", UNIT)
    {
        AddTestCase(new ImssecVersionFormatTestCase, TestCase::QUICK);
    }
};

static ImssecVersionTestSuite g_imssecVersionTestSuite; //!< Static suite instance
