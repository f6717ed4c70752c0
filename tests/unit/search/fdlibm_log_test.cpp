// Tests for search/fdlibm_log: values of V8's Math.log, bit for bit.
#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <cstdint>

#include "search/fdlibm_log.hpp"

using namespace hindsight::search;

namespace {

std::uint64_t bits(double x) {
    return std::bit_cast<std::uint64_t>(x);
}

}  // namespace

TEST_CASE("fdlibm_log gives Math.log's bits", "[fdlibm_log]") {
    // From node 20: Math.log(x) as the bits of the double.
    CHECK(bits(fdlibm_log(1.6)) == 0x3fde148a1a2726ceULL);  // the idf of the spec's example
    CHECK(bits(fdlibm_log(2)) == 0x3fe62e42fefa39efULL);
    CHECK(bits(fdlibm_log(1.5)) == 0x3fd9f323ecbf984cULL);
    CHECK(bits(fdlibm_log(1 + std::fabs((3000 - 1 + 0.5) / (1 + 0.5)))) == 0x401e67aa57541cefULL);
    CHECK(bits(fdlibm_log(1e-310)) == 0xc0864e69394d9508ULL);        // subnormal
    CHECK(bits(fdlibm_log(1.0000000001)) == 0x3ddb7cdffffa18d8ULL);  // |f| < 2^-20 path
    CHECK(bits(fdlibm_log(0.5)) == 0xbfe62e42fefa39efULL);
}

TEST_CASE("fdlibm_log's special values", "[fdlibm_log]") {
    CHECK(fdlibm_log(1) == 0);
    CHECK(std::isinf(fdlibm_log(0)));
    CHECK(fdlibm_log(0) < 0);
    CHECK(std::isnan(fdlibm_log(-1)));
    CHECK(std::isinf(fdlibm_log(INFINITY)));
}
