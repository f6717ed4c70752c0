// Natural logarithm bit-identical to JavaScript's Math.log (V8 uses fdlibm's __ieee754_log).
#pragma once

namespace hindsight::search {

// lunr's idf is Math.log(1 + |x|). glibc's log differs from fdlibm's by one ulp on a few percent
// of such arguments, which the 3-decimal rounding of scores can expose; so this is a port of
// fdlibm's e_log.c. Debian packages no fdlibm, hence the port (about 40 lines).
double fdlibm_log(double x);

}  // namespace hindsight::search
