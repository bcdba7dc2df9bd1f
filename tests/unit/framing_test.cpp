// Request framing (issue 12, item 2): one rule for how long a body is, so no request can hide
// another inside it.
#include <gtest/gtest.h>

#include "server/framing.hpp"

namespace unknot {
namespace {

using server::Framing;
using server::framing_problem;

Framing te(const std::string& v, bool chunked = true) { return Framing{false, v, false, chunked}; }

TEST(Framing, ContentLengthOrNothingIsLeftToTheParser) {
    EXPECT_FALSE(framing_problem(Framing{}));
    EXPECT_FALSE(framing_problem(Framing{false, std::nullopt, true, false}));
}

TEST(Framing, ChunkedAloneInAnyCase) {
    EXPECT_FALSE(framing_problem(te("chunked")));
    EXPECT_FALSE(framing_problem(te("Chunked")));
    EXPECT_FALSE(framing_problem(te(" CHUNKED ")));
}

TEST(Framing, EveryOtherCodingIsRefused) {
    for (const char* v : {"gzip", "identity", "xchunked", "chunked, identity", "gzip, chunked", "chunked, chunked", "", ",", "chunked;x=1"})
        EXPECT_TRUE(framing_problem(te(v, false))) << "`" << v << "`";
    EXPECT_TRUE(framing_problem(te("gzip, chunked", true)));  // even where the parser would take it
}

TEST(Framing, NeverBothAndNotInHttp10) {
    EXPECT_TRUE(framing_problem(Framing{false, "chunked", true, true}));
    EXPECT_TRUE(framing_problem(Framing{true, "chunked", false, true}));
    // The parser not seeing a chunked body where the header says chunked: refuse, never guess.
    EXPECT_TRUE(framing_problem(te("chunked", false)));
}

}  // namespace
}  // namespace unknot
