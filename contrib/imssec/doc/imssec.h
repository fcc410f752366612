/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \defgroup imssec IMS first-hop security under IPv6 privacy addresses
 *
 * Models UEs with GGSN-allocated prefixes and RFC 3041 temporary addresses, registering with
 * an IMS (P-CSCF, S-CSCF, HSS) over RFC 3329 sec-agree, with a modeled IPsec layer whose SA
 * selectors cover either one address or the UE's prefix (addr-pref-length).
 * See doc/imssec.rst for the model chapter.
 */

/**
 * \ingroup imssec
 * \defgroup imssec-tests imssec tests
 */
