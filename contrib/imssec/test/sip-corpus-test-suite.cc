/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Replays the fuzzer's corpus (contrib/imssec/test/sip-corpus/, built by
// test/fuzz/run-sip-fuzzer.sh) and the example messages through the codec's invariants
// (SipCodecCheck), in the ordinary GCC build.
#include "sip-codec-check.h"

#include "ns3/sip-parser.h"
#include "ns3/test.h"

#include <dirent.h>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

std::vector<std::string>
ListFiles(const std::string& dir)
{
    std::vector<std::string> files;
    if (DIR* d = opendir(dir.c_str()))
    {
        while (dirent* e = readdir(d))
        {
            std::string name = e->d_name;
            if (name != "." && name != "..")
            {
                files.push_back(dir + "/" + name);
            }
        }
        closedir(d);
    }
    return files;
}

std::string
ReadFile(const std::string& path)
{
    std::ifstream f(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

} // namespace

/// Every corpus file keeps every invariant.
class SipCorpusReplayTestCase : public TestCase
{
  public:
    SipCorpusReplayTestCase()
        : TestCase("fuzzer corpus replay")
    {
    }

  private:
    void DoRun() override
    {
        auto files = ListFiles(std::string(NS_TEST_SOURCEDIR) + "/sip-corpus");
        NS_TEST_ASSERT_MSG_GT(files.size(), 10u, "the corpus is there");
        size_t messages = 0;
        for (const auto& path : files)
        {
            std::string bytes = ReadFile(path);
            const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
            NS_TEST_EXPECT_MSG_EQ(SipCodecCheck::Run(data, bytes.size()), "", path);
            messages += SipParser::Parse(data, bytes.size()).IsOk() ? 1 : 0;
        }
        // the corpus covers both outcomes
        NS_TEST_EXPECT_MSG_GT(messages, 0u, "some inputs are messages");
        NS_TEST_EXPECT_MSG_LT(messages, files.size(), "some inputs are errors");
    }
};

/// The example messages are valid and keep the invariants.
class SipExamplesCheckTestCase : public TestCase
{
  public:
    SipExamplesCheckTestCase()
        : TestCase("example messages are valid")
    {
    }

  private:
    void DoRun() override
    {
        auto files = ListFiles(std::string(NS_TEST_SOURCEDIR) + "/sip-messages");
        NS_TEST_ASSERT_MSG_GT(files.size(), 5u, "the examples are there");
        for (const auto& path : files)
        {
            std::string bytes = ReadFile(path);
            const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
            NS_TEST_EXPECT_MSG_EQ(SipCodecCheck::Run(data, bytes.size()), "", path);
            SipParseResult r = SipParser::ParseAndValidate(data, bytes.size());
            NS_TEST_EXPECT_MSG_EQ(r.IsOk(), true, path << ": " << r.GetError().ToString());
        }
    }
};

/// The suite.
class SipCorpusTestSuite : public TestSuite
{
  public:
    SipCorpusTestSuite()
        : TestSuite("imssec-sip-corpus", UNIT)
    {
        AddTestCase(new SipCorpusReplayTestCase, TestCase::QUICK);
        AddTestCase(new SipExamplesCheckTestCase, TestCase::QUICK);
    }
};

static SipCorpusTestSuite g_sipCorpusTestSuite; ///< the suite
