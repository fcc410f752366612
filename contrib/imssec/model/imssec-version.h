/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMSSEC_VERSION_H
#define IMSSEC_VERSION_H

#include <string>

/**
 * \ingroup imssec
 * The model version recorded with every run, so results stay attributable to the code
 * that produced them.  The top-level CMakeLists.txt reads the project version from here.
 */
#define IMSSEC_VERSION_STRING "0.1.0"

namespace ns3
{

/**
 * \ingroup imssec
 * \returns the imssec model version, "major.minor.patch"
 */
std::string GetImssecVersion();

} // namespace ns3

#endif /* IMSSEC_VERSION_H */
