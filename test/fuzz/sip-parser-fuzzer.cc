/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// libFuzzer target over imssec's SIP codec: any input must give a message or an error, and
// a message must satisfy SipCodecCheck's invariants (canonical re-encoding, typed values that
// format and parse again).  Built by test/fuzz/build-sip-fuzzer.sh with clang and
// -fsanitize=fuzzer,address,undefined; its corpus is replayed in the imssec-sip-corpus suite.
#include "sip-codec-check.h"

#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    std::string failure = ns3::SipCodecCheck::Run(data, size);
    if (!failure.empty())
    {
        std::fprintf(stderr, "invariant broken: %s\n", failure.c_str());
        std::abort();
    }
    return 0;
}
