/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Runs the imssec TestSuites compiled into this program, with ns-3's own test runner
// (the same options as ns-3's test-runner: --list, --suite=NAME, --verbose, --fullness=...).
#include "ns3/test.h"

int
main(int argc, char* argv[])
{
    return ns3::TestRunner::Run(argc, argv);
}
