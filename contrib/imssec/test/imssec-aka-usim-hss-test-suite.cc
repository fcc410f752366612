/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ns3/aka-credentials.h"
#include "ns3/aka-procedures.h"
#include "ns3/aka-types.h"
#include "ns3/hss.h"
#include "ns3/milenage.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"
#include "ns3/usim.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <set>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// IMPI used by most cases.
const std::string IMPI = "ue1@ims.example.net";

/**
 * \param impi a private identity
 * \returns an HSS with that simulated subscriber and its public identity sip:<impi>
 */
Ptr<Hss>
MakeHss(const std::string& impi = IMPI)
{
    Ptr<Hss> hss = CreateObject<Hss>();
    hss->AssignStreams(7);
    hss->AddSimulatedSubscriber(impi);
    hss->AddPublicIdentity(impi, "sip:" + impi);
    return hss;
}

/**
 * \param hss the HSS
 * \param impi a provisioned simulated subscriber
 * \returns that subscriber's USIM
 */
Usim
MakeUsim(Ptr<Hss> hss, const std::string& impi = IMPI)
{
    AkaCredentials credentials = hss->GetSimulatedCredentials(impi);
    return Usim(credentials.k, credentials.opc);
}

} // namespace

/**
 * \ingroup imssec-tests
 * The normal flow, many times over (past the 32 IND values): every vector is accepted, RES ==
 * XRES, and the USIM's CK and IK are the vector's.  SQN advances by one SEQ step and one IND
 * step per vector.
 */
class AkaRoundTripTestCase : public TestCase
{
  public:
    AkaRoundTripTestCase()
        : TestCase("round trip: AUTN accepted, RES == XRES, CK and IK agree")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Hss> hss = MakeHss();
        Usim usim = MakeUsim(hss);
        for (uint32_t i = 1; i <= 70; ++i)
        {
            AkaVector vector;
            NS_TEST_ASSERT_MSG_EQ(hss->GenerateVector(IMPI, vector), true, "vector " << i);
            NS_TEST_ASSERT_MSG_EQ(AkaProcedures::GetSeq(vector.sqn, 5), i, "SEQ of vector " << i);
            NS_TEST_ASSERT_MSG_EQ(AkaProcedures::GetInd(vector.sqn, 5), i % 32, "IND " << i);
            Usim::Result result = usim.Authenticate(vector.rand, vector.autn);
            NS_TEST_ASSERT_MSG_EQ(Usim::StatusToString(result.status), "SUCCESS", "vector " << i);
            NS_TEST_ASSERT_MSG_EQ(AkaToHex(result.res), AkaToHex(vector.xres), "RES " << i);
            NS_TEST_ASSERT_MSG_EQ(AkaToHex(result.ck), AkaToHex(vector.ck), "CK " << i);
            NS_TEST_ASSERT_MSG_EQ(AkaToHex(result.ik), AkaToHex(vector.ik), "IK " << i);
            NS_TEST_ASSERT_MSG_EQ(result.sqn, vector.sqn, "SQN " << i);
            NS_TEST_ASSERT_MSG_EQ(usim.GetSqnMs(), vector.sqn, "SQN_MS " << i);
            // The AMF travels in clear in AUTN.
            NS_TEST_ASSERT_MSG_EQ(AkaToHex(vector.autn).substr(12, 4), "8000", "AMF " << i);
        }
        NS_TEST_ASSERT_MSG_EQ(hss->GetVectorsIssued(), 70, "vectors issued");
        NS_TEST_ASSERT_MSG_EQ(usim.GetSuccesses(), 70, "USIM successes");
        NS_TEST_ASSERT_MSG_EQ(usim.GetMacFailures() + usim.GetSyncFailures(), 0, "failures");
        // Independently of Usim: XRES is f2 of the subscriber's own K and OPc.
        AkaVector vector;
        hss->GenerateVector(IMPI, vector);
        AkaCredentials credentials = hss->GetSimulatedCredentials(IMPI);
        Milenage milenage(credentials.k, credentials.opc);
        NS_TEST_ASSERT_MSG_EQ(AkaToHex(milenage.F2(vector.rand)), AkaToHex(vector.xres), "f2");
        hss->Dispose();
    }
};

/**
 * \ingroup imssec-tests
 * A modified AUTN (any bit of SQN xor AK, AMF or MAC-A) or a USIM with another K gives a MAC
 * failure without AUTS and leaves the USIM's sequence state alone.
 */
class AkaMacFailureTestCase : public TestCase
{
  public:
    AkaMacFailureTestCase()
        : TestCase("MAC failure on a modified AUTN or a wrong K")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Hss> hss = MakeHss();
        hss->AddSimulatedSubscriber("other@ims.example.net");
        Usim usim = MakeUsim(hss);
        AkaVector vector;
        hss->GenerateVector(IMPI, vector);
        uint32_t failures = 0;
        for (std::size_t octet = 0; octet < vector.autn.size(); ++octet)
        {
            for (uint8_t bit = 1; bit != 0; bit <<= 1)
            {
                AkaAutn bad = vector.autn;
                bad[octet] ^= bit;
                Usim::Result result = usim.Authenticate(vector.rand, bad);
                NS_TEST_ASSERT_MSG_EQ(Usim::StatusToString(result.status),
                                      "MAC_FAILURE",
                                      "AUTN octet " << octet << " bit " << uint32_t(bit));
                ++failures;
            }
        }
        // A modified RAND breaks the MAC too.
        AkaRand badRand = vector.rand;
        badRand[0] ^= 0x80;
        NS_TEST_ASSERT_MSG_EQ(Usim::StatusToString(usim.Authenticate(badRand, vector.autn).status),
                              "MAC_FAILURE",
                              "RAND modified");
        ++failures;
        NS_TEST_ASSERT_MSG_EQ(usim.GetMacFailures(), failures, "MAC failures counted");
        NS_TEST_ASSERT_MSG_EQ(usim.GetSqnMs(), 0, "SQN_MS untouched");

        Usim stranger = MakeUsim(hss, "other@ims.example.net");
        NS_TEST_ASSERT_MSG_EQ(
            Usim::StatusToString(stranger.Authenticate(vector.rand, vector.autn).status),
            "MAC_FAILURE",
            "another subscriber's USIM");

        // The genuine AUTN still passes afterwards.
        NS_TEST_ASSERT_MSG_EQ(
            Usim::StatusToString(usim.Authenticate(vector.rand, vector.autn).status),
            "SUCCESS",
            "genuine AUTN");
        hss->Dispose();
    }
};

/**
 * \ingroup imssec-tests
 * A USIM ahead of the HSS: synchronisation failure with an AUTS that opens (independently of
 * Usim) to SQN_MS, resynchronisation at the HSS sets SQN_HE from it, and the new vector is
 * accepted.  A forged AUTS is refused and changes nothing.
 */
class AkaResyncTestCase : public TestCase
{
  public:
    AkaResyncTestCase()
        : TestCase("sync failure, AUTS, resynchronisation")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Hss> hss = MakeHss();
        std::vector<bool> resyncTraces;
        hss->TraceConnectWithoutContext(
            "Resynchronisation",
            MakeBoundCallback(&AkaResyncTestCase::Resync, &resyncTraces));
        Usim usim = MakeUsim(hss);
        uint64_t sqnAhead = AkaProcedures::MakeSqn(1000, 7, 5);
        usim.SetSqnMs(sqnAhead);

        AkaVector vector;
        hss->GenerateVector(IMPI, vector);
        Usim::Result result = usim.Authenticate(vector.rand, vector.autn);
        NS_TEST_ASSERT_MSG_EQ(Usim::StatusToString(result.status), "SYNC_FAILURE", "stale SQN");
        NS_TEST_ASSERT_MSG_EQ(usim.GetSyncFailures(), 1, "counted");

        // AUTS opened with the subscriber's own algorithm instance carries SQN_MS.
        AkaCredentials credentials = hss->GetSimulatedCredentials(IMPI);
        Milenage milenage(credentials.k, credentials.opc);
        uint64_t sqnMs = 0;
        NS_TEST_ASSERT_MSG_EQ(AkaProcedures::OpenAuts(milenage, vector.rand, result.auts, sqnMs),
                              true,
                              "MAC-S");
        NS_TEST_ASSERT_MSG_EQ(sqnMs, sqnAhead, "SQN_MS in AUTS");
        // AK* conceals SQN_MS: the first 6 octets are not SQN_MS in clear.
        NS_TEST_ASSERT_MSG_NE(AkaToHex(result.auts).substr(0, 12),
                              AkaToHex(AkaSqnFromUint64(sqnAhead)),
                              "SQN_MS concealed");

        // A forged AUTS is refused, SQN_HE unchanged, no vector.
        uint64_t sqnHeBefore = 0;
        hss->GetSqn(IMPI, sqnHeBefore);
        AkaAuts forged = result.auts;
        forged[13] ^= 0x01;
        AkaVector unused;
        NS_TEST_ASSERT_MSG_EQ(hss->Resynchronise(IMPI, vector.rand, forged, unused),
                              Hss::RESYNC_MAC_FAILURE,
                              "forged AUTS");
        uint64_t sqnHe = 0;
        hss->GetSqn(IMPI, sqnHe);
        NS_TEST_ASSERT_MSG_EQ(sqnHe, sqnHeBefore, "SQN_HE unchanged");
        NS_TEST_ASSERT_MSG_EQ(hss->GetResyncFailures(), 1, "resync failure counted");
        NS_TEST_ASSERT_MSG_EQ(hss->GetVectorsIssued(), 1, "no vector for a forged AUTS");
        // The AUTS with the wrong RAND (not the challenge's) is refused as well.
        AkaRand otherRand = vector.rand;
        otherRand[15] ^= 0x01;
        NS_TEST_ASSERT_MSG_EQ(hss->Resynchronise(IMPI, otherRand, result.auts, unused),
                              Hss::RESYNC_MAC_FAILURE,
                              "AUTS with another RAND");

        AkaVector fresh;
        NS_TEST_ASSERT_MSG_EQ(hss->Resynchronise(IMPI, vector.rand, result.auts, fresh),
                              Hss::RESYNC_OK,
                              "authentic AUTS");
        NS_TEST_ASSERT_MSG_EQ(AkaProcedures::GetSeq(fresh.sqn, 5), 1001, "SEQ_MS + 1");
        NS_TEST_ASSERT_MSG_EQ(hss->GetResyncs(), 1, "resync counted");
        NS_TEST_ASSERT_MSG_EQ(hss->GetVectorsIssued(), 2, "new vector issued");
        NS_TEST_ASSERT_MSG_EQ(resyncTraces.size(), 3, "three resync traces");
        NS_TEST_ASSERT_MSG_EQ(resyncTraces[2], true, "last one authentic");

        Usim::Result accepted = usim.Authenticate(fresh.rand, fresh.autn);
        NS_TEST_ASSERT_MSG_EQ(Usim::StatusToString(accepted.status), "SUCCESS", "after resync");
        NS_TEST_ASSERT_MSG_EQ(AkaToHex(accepted.res), AkaToHex(fresh.xres), "RES");
        // And the next ordinary vector too.
        AkaVector next;
        hss->GenerateVector(IMPI, next);
        NS_TEST_ASSERT_MSG_EQ(Usim::StatusToString(usim.Authenticate(next.rand, next.autn).status),
                              "SUCCESS",
                              "next vector");
        hss->Dispose();
    }

    /**
     * Records resynchronisation traces.
     * \param traces where to record
     * \param impi the IMPI
     * \param sqnMs SQN_MS
     * \param accepted whether MAC-S was right
     */
    static void Resync(std::vector<bool>* traces,
                       const std::string& /* impi */,
                       uint64_t /* sqnMs */,
                       bool accepted)
    {
        traces->push_back(accepted);
    }
};

/**
 * \ingroup imssec-tests
 * Replay protection and the IND array of TS 33.102 Annex C.2: a vector used twice is
 * rejected; vectors with different IND may arrive out of order; with IND of 0 bits (one
 * counter) they may not; the age limit L and the jump limit Delta hold; a resynchronisation
 * after a jump past Delta resets SQN_HE.
 */
class AkaReplayTestCase : public TestCase
{
  public:
    AkaReplayTestCase()
        : TestCase("SQN replay rejected, IND array, L and Delta")
    {
    }

  private:
    void DoRun() override
    {
        {
            Ptr<Hss> hss = MakeHss();
            Usim usim = MakeUsim(hss);
            AkaVector v1;
            AkaVector v2;
            hss->GenerateVector(IMPI, v1);
            hss->GenerateVector(IMPI, v2);
            NS_TEST_ASSERT_MSG_EQ(Status(usim, v2), "SUCCESS", "v2 first");
            NS_TEST_ASSERT_MSG_EQ(Status(usim, v1), "SUCCESS", "v1 after v2 (other IND)");
            NS_TEST_ASSERT_MSG_EQ(Status(usim, v1), "SYNC_FAILURE", "v1 replayed");
            NS_TEST_ASSERT_MSG_EQ(Status(usim, v2), "SYNC_FAILURE", "v2 replayed");
            NS_TEST_ASSERT_MSG_EQ(usim.GetSqnMs(), v2.sqn, "SQN_MS is the highest accepted");
            // The replay's AUTS reports SQN_MS = v2's SQN; the HSS is in range and keeps
            // SQN_HE, the next vector is accepted.
            Usim::Result replay = usim.Authenticate(v1.rand, v1.autn);
            AkaVector v3;
            NS_TEST_ASSERT_MSG_EQ(hss->Resynchronise(IMPI, v1.rand, replay.auts, v3),
                                  Hss::RESYNC_OK,
                                  "resync after replay");
            NS_TEST_ASSERT_MSG_EQ(AkaProcedures::GetSeq(v3.sqn, 5), 3, "SQN_HE kept");
            NS_TEST_ASSERT_MSG_EQ(Status(usim, v3), "SUCCESS", "v3");
            hss->Dispose();
        }
        {
            // One counter (IND of 0 bits) on both sides: strictly increasing only.
            Ptr<Hss> hss = CreateObject<Hss>();
            hss->SetAttribute("IndBits", UintegerValue(0));
            hss->AddSimulatedSubscriber(IMPI);
            AkaCredentials credentials = hss->GetSimulatedCredentials(IMPI);
            Usim usim(credentials.k, credentials.opc, 0);
            AkaVector v1;
            AkaVector v2;
            hss->GenerateVector(IMPI, v1);
            hss->GenerateVector(IMPI, v2);
            NS_TEST_ASSERT_MSG_EQ(v2.sqn, 2, "plain counter");
            NS_TEST_ASSERT_MSG_EQ(Status(usim, v2), "SUCCESS", "v2 first");
            NS_TEST_ASSERT_MSG_EQ(Status(usim, v1), "SYNC_FAILURE", "v1 after v2, one counter");
            hss->Dispose();
        }
        {
            // Age limit L = 4: a vector 9 SEQ steps old is refused even with a fresh IND.
            Ptr<Hss> hss = MakeHss();
            Usim strict = MakeUsim(hss);
            Usim lenient = MakeUsim(hss);
            strict.SetAgeLimit(4);
            std::vector<AkaVector> vectors(10);
            for (AkaVector& v : vectors)
            {
                hss->GenerateVector(IMPI, v);
            }
            NS_TEST_ASSERT_MSG_EQ(Status(strict, vectors[9]), "SUCCESS", "strict, newest");
            NS_TEST_ASSERT_MSG_EQ(Status(lenient, vectors[9]), "SUCCESS", "lenient, newest");
            NS_TEST_ASSERT_MSG_EQ(Status(strict, vectors[0]), "SYNC_FAILURE", "older than L");
            NS_TEST_ASSERT_MSG_EQ(Status(lenient, vectors[0]), "SUCCESS", "no L");
            NS_TEST_ASSERT_MSG_EQ(Status(strict, vectors[6]), "SUCCESS", "within L");
            hss->Dispose();
        }
        {
            // Delta = 100: an HSS that jumped 500 steps ahead is refused; the AUTS makes the
            // HSS go back to SQN_MS because SQN_HE is out of range.
            Ptr<Hss> hss = MakeHss();
            hss->SetAttribute("SqnDelta", UintegerValue(100));
            Usim usim = MakeUsim(hss);
            usim.SetDelta(100);
            AkaVector v;
            hss->GenerateVector(IMPI, v);
            NS_TEST_ASSERT_MSG_EQ(Status(usim, v), "SUCCESS", "first");
            hss->SetSqn(IMPI, AkaProcedures::MakeSqn(500, 0, 5));
            hss->GenerateVector(IMPI, v);
            Usim::Result jump = usim.Authenticate(v.rand, v.autn);
            NS_TEST_ASSERT_MSG_EQ(Usim::StatusToString(jump.status), "SYNC_FAILURE", "jump");
            AkaVector fresh;
            NS_TEST_ASSERT_MSG_EQ(hss->Resynchronise(IMPI, v.rand, jump.auts, fresh),
                                  Hss::RESYNC_OK,
                                  "resync");
            NS_TEST_ASSERT_MSG_EQ(AkaProcedures::GetSeq(fresh.sqn, 5), 2, "reset to SEQ_MS + 1");
            NS_TEST_ASSERT_MSG_EQ(Status(usim, fresh), "SUCCESS", "after resync");
            hss->Dispose();
        }
    }

    /**
     * \param usim the USIM
     * \param vector a vector
     * \returns the status name of AUTHENTICATE
     */
    static std::string Status(Usim& usim, const AkaVector& vector)
    {
        return Usim::StatusToString(usim.Authenticate(vector.rand, vector.autn).status);
    }
};

/**
 * \ingroup imssec-tests
 * The subscriber database: identities, duplicates, unknown users and their counter and
 * trace, the VectorIssued trace, SQN access.
 */
class AkaHssDatabaseTestCase : public TestCase
{
  public:
    AkaHssDatabaseTestCase()
        : TestCase("HSS database, counters and traces")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Hss> hss = CreateObject<Hss>();
        std::vector<std::string> unknown;
        std::vector<AkaVector> issued;
        hss->TraceConnectWithoutContext(
            "UnknownUser",
            MakeBoundCallback(&AkaHssDatabaseTestCase::Unknown, &unknown));
        hss->TraceConnectWithoutContext(
            "VectorIssued",
            MakeBoundCallback(&AkaHssDatabaseTestCase::Issued, &issued));
        AkaKey k{};
        AkaKey opc{};
        k[0] = 1;
        NS_TEST_ASSERT_MSG_EQ(hss->AddSubscriber("alice@x", k, opc, 0x0000, 41), true, "alice");
        NS_TEST_ASSERT_MSG_EQ(hss->AddSubscriber("alice@x", k, opc, 0x0000), false, "twice");
        NS_TEST_ASSERT_MSG_EQ(hss->AddSimulatedSubscriber("alice@x"), false, "twice, simulated");
        NS_TEST_ASSERT_MSG_EQ(hss->AddSimulatedSubscriber("bob@x"), true, "bob");
        NS_TEST_ASSERT_MSG_EQ(hss->GetNSubscribers(), 2, "two subscribers");
        NS_TEST_ASSERT_MSG_EQ(hss->AddPublicIdentity("alice@x", "sip:alice@x"), true, "IMPU 1");
        NS_TEST_ASSERT_MSG_EQ(hss->AddPublicIdentity("alice@x", "tel:+1555"), true, "IMPU 2");
        NS_TEST_ASSERT_MSG_EQ(hss->AddPublicIdentity("bob@x", "sip:bob@x"), true, "bob's IMPU");
        NS_TEST_ASSERT_MSG_EQ(hss->AddPublicIdentity("bob@x", "tel:+1555"), false, "IMPU taken");
        NS_TEST_ASSERT_MSG_EQ(hss->AddPublicIdentity("carol@x", "sip:carol@x"), false, "no IMPI");
        std::vector<std::string> impus = hss->GetPublicIdentities("alice@x");
        NS_TEST_ASSERT_MSG_EQ(impus.size(), 2, "alice's IMPUs");
        NS_TEST_ASSERT_MSG_EQ(impus[0], "sip:alice@x", "first IMPU first");
        NS_TEST_ASSERT_MSG_EQ(impus[1], "tel:+1555", "second IMPU second");
        NS_TEST_ASSERT_MSG_EQ(hss->GetPublicIdentities("carol@x").size(), 0, "unknown IMPI");
        std::string impi;
        NS_TEST_ASSERT_MSG_EQ(hss->GetPrivateIdentity("tel:+1555", impi), true, "IMPU lookup");
        NS_TEST_ASSERT_MSG_EQ(impi, "alice@x", "IMPU -> IMPI");

        AkaVector vector;
        NS_TEST_ASSERT_MSG_EQ(hss->GenerateVector("carol@x", vector), false, "unknown IMPI");
        NS_TEST_ASSERT_MSG_EQ(hss->GetPrivateIdentity("sip:carol@x", impi), false, "unknown IMPU");
        AkaAuts auts{};
        NS_TEST_ASSERT_MSG_EQ(hss->Resynchronise("carol@x", vector.rand, auts, vector),
                              Hss::RESYNC_UNKNOWN_USER,
                              "unknown IMPI resync");
        NS_TEST_ASSERT_MSG_EQ(hss->GetUnknownUsers(), 3, "unknown users counted");
        NS_TEST_ASSERT_MSG_EQ(unknown.size(), 3, "unknown users traced");
        NS_TEST_ASSERT_MSG_EQ(unknown[1], "sip:carol@x", "traced identity");
        NS_TEST_ASSERT_MSG_EQ(hss->GetVectorsIssued(), 0, "no vectors yet");

        // Explicit secrets, AMF 0 and initial SQN_HE 41 = SEQ 1, IND 9: next is SEQ 2, IND 10.
        NS_TEST_ASSERT_MSG_EQ(hss->GenerateVector("alice@x", vector), true, "alice's vector");
        NS_TEST_ASSERT_MSG_EQ(vector.sqn, AkaProcedures::MakeSqn(2, 10, 5), "next SQN");
        NS_TEST_ASSERT_MSG_EQ(AkaToHex(vector.autn).substr(12, 4), "0000", "alice's AMF");
        Usim usim(k, opc);
        NS_TEST_ASSERT_MSG_EQ(
            Usim::StatusToString(usim.Authenticate(vector.rand, vector.autn).status),
            "SUCCESS",
            "explicit secrets");
        uint64_t sqnHe = 0;
        NS_TEST_ASSERT_MSG_EQ(hss->GetSqn("alice@x", sqnHe), true, "GetSqn");
        NS_TEST_ASSERT_MSG_EQ(sqnHe, vector.sqn, "SQN_HE is the last issued");
        NS_TEST_ASSERT_MSG_EQ(hss->GetSqn("carol@x", sqnHe), false, "GetSqn unknown");
        NS_TEST_ASSERT_MSG_EQ(hss->SetSqn("carol@x", 5), false, "SetSqn unknown");
        NS_TEST_ASSERT_MSG_EQ(issued.size(), 1, "VectorIssued traced");
        NS_TEST_ASSERT_MSG_EQ(AkaToHex(issued[0].autn), AkaToHex(vector.autn), "traced vector");
        hss->Dispose();
    }

    /**
     * \param out where to record
     * \param identity the unknown identity
     */
    static void Unknown(std::vector<std::string>* out, const std::string& identity)
    {
        out->push_back(identity);
    }

    /**
     * \param out where to record
     * \param impi the IMPI
     * \param vector the vector
     */
    static void Issued(std::vector<AkaVector>* out,
                       const std::string& /* impi */,
                       const AkaVector& vector)
    {
        out->push_back(vector);
    }
};

/**
 * \ingroup imssec-tests
 * Simulated subscribers' keys: K is HMAC-SHA-256(seed, "imssec-aka-k:" || IMPI) truncated to
 * 16 octets (checked against a direct OpenSSL computation), OPc is Milenage's of K and OP,
 * the same IMPI and seed always give the same keys, another seed or IMPI other keys; RANDs
 * are reproducible with the same random stream.
 */
class AkaReproducibilityTestCase : public TestCase
{
  public:
    AkaReproducibilityTestCase()
        : TestCase("deterministic keys and reproducible RANDs")
    {
    }

  private:
    void DoRun() override
    {
        AkaKey op{};
        NS_TEST_ASSERT_MSG_EQ(AkaFromHex("00112233445566778899aabbccddeeff", op), true, "OP");
        AkaCredentials c = AkaCredentials::Derive(IMPI, 42, op);
        // Independent computation of K with OpenSSL's HMAC.
        uint8_t seed[8] = {0, 0, 0, 0, 0, 0, 0, 42};
        std::string message = "imssec-aka-k:" + IMPI;
        uint8_t digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        HMAC(EVP_sha256(),
             seed,
             sizeof(seed),
             reinterpret_cast<const uint8_t*>(message.data()),
             message.size(),
             digest,
             &length);
        NS_TEST_ASSERT_MSG_EQ(length, 32, "SHA-256 length");
        NS_TEST_ASSERT_MSG_EQ(AkaToHex(c.k), AkaToHex(digest, 16), "K");
        NS_TEST_ASSERT_MSG_EQ(AkaToHex(c.opc), AkaToHex(Milenage::ComputeOpc(c.k, op)), "OPc");
        NS_TEST_ASSERT_MSG_EQ(AkaToHex(AkaCredentials::Derive(IMPI, 42, op).k),
                              AkaToHex(c.k),
                              "same inputs, same K");
        NS_TEST_ASSERT_MSG_NE(AkaToHex(AkaCredentials::Derive(IMPI, 43, op).k),
                              AkaToHex(c.k),
                              "other seed, other K");
        NS_TEST_ASSERT_MSG_NE(AkaToHex(AkaCredentials::Derive("ue2@ims.example.net", 42, op).k),
                              AkaToHex(c.k),
                              "other IMPI, other K");

        // The HSS uses its KeySeed and OperatorVariant attributes.
        Ptr<Hss> hss = CreateObject<Hss>();
        hss->SetAttribute("KeySeed", UintegerValue(42));
        NS_TEST_ASSERT_MSG_EQ(AkaToHex(hss->GetSimulatedCredentials(IMPI).k),
                              AkaToHex(c.k),
                              "HSS K");
        hss->SetAttribute("OperatorVariant", StringValue("ffeeddccbbaa99887766554433221100"));
        AkaKey otherOp{};
        AkaFromHex("ffeeddccbbaa99887766554433221100", otherOp);
        NS_TEST_ASSERT_MSG_EQ(AkaToHex(hss->GetSimulatedCredentials(IMPI).opc),
                              AkaToHex(Milenage::ComputeOpc(c.k, otherOp)),
                              "HSS OPc with another OP");
        hss->Dispose();

        // Same stream, same RANDs; successive RANDs differ.
        std::vector<std::string> first;
        std::vector<std::string> second;
        for (std::vector<std::string>* rands : {&first, &second})
        {
            Ptr<Hss> h = MakeHss();
            for (int i = 0; i < 5; ++i)
            {
                AkaVector v;
                h->GenerateVector(IMPI, v);
                rands->push_back(AkaToHex(v.rand));
            }
            h->Dispose();
        }
        NS_TEST_ASSERT_MSG_EQ((first == second), true, "reproducible RANDs");
        NS_TEST_ASSERT_MSG_EQ(std::set<std::string>(first.begin(), first.end()).size(),
                              5,
                              "distinct RANDs");
    }
};

/**
 * \ingroup imssec-tests
 * 100,000 simulated subscribers with one public identity each: every lookup works and a
 * sample authenticates end to end (the memory cost is measured by bench/aka-hss-bench).
 */
class AkaHssScaleTestCase : public TestCase
{
  public:
    AkaHssScaleTestCase()
        : TestCase("100,000 subscribers")
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t n = 100000;
        Ptr<Hss> hss = CreateObject<Hss>();
        hss->Reserve(n);
        for (uint32_t i = 0; i < n; ++i)
        {
            std::string impi = "ue" + std::to_string(i) + "@ims.example.net";
            NS_TEST_ASSERT_MSG_EQ(hss->AddSimulatedSubscriber(impi), true, impi);
            NS_TEST_ASSERT_MSG_EQ(hss->AddPublicIdentity(impi, "sip:" + impi), true, impi);
        }
        NS_TEST_ASSERT_MSG_EQ(hss->GetNSubscribers(), n, "count");
        for (uint32_t i = 0; i < n; i += 997)
        {
            std::string impi = "ue" + std::to_string(i) + "@ims.example.net";
            std::string found;
            NS_TEST_ASSERT_MSG_EQ(hss->GetPrivateIdentity("sip:" + impi, found), true, impi);
            NS_TEST_ASSERT_MSG_EQ(found, impi, "IMPU -> IMPI");
            AkaVector vector;
            NS_TEST_ASSERT_MSG_EQ(hss->GenerateVector(impi, vector), true, impi);
            Usim usim = MakeUsim(hss, impi);
            Usim::Result result = usim.Authenticate(vector.rand, vector.autn);
            NS_TEST_ASSERT_MSG_EQ(Usim::StatusToString(result.status), "SUCCESS", impi);
            NS_TEST_ASSERT_MSG_EQ(AkaToHex(result.res), AkaToHex(vector.xres), impi);
        }
        NS_TEST_ASSERT_MSG_EQ(hss->GetUnknownUsers(), 0, "no unknown users");
        hss->Dispose();
    }
};

/**
 * \ingroup imssec-tests
 * USIM and HSS behaviour.
 */
class AkaUsimHssTestSuite : public TestSuite
{
  public:
    AkaUsimHssTestSuite()
        : TestSuite("imssec-aka-usim-hss", UNIT)
    {
        AddTestCase(new AkaRoundTripTestCase, TestCase::QUICK);
        AddTestCase(new AkaMacFailureTestCase, TestCase::QUICK);
        AddTestCase(new AkaResyncTestCase, TestCase::QUICK);
        AddTestCase(new AkaReplayTestCase, TestCase::QUICK);
        AddTestCase(new AkaHssDatabaseTestCase, TestCase::QUICK);
        AddTestCase(new AkaReproducibilityTestCase, TestCase::QUICK);
        AddTestCase(new AkaHssScaleTestCase, TestCase::EXTENSIVE);
    }
};

static AkaUsimHssTestSuite g_akaUsimHssTestSuite; //!< Static suite instance
