// Content hashes (XXH3, 128 bits) for the build cache: what a file or a page was made from.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace hindsight {

// A 128-bit digest. Not a cryptographic hash: it tells a change from no change, which is all the
// cache asks (an accidental collision is about 2^-64 likely across a billion builds).
struct Digest {
    std::uint64_t high = 0;
    std::uint64_t low = 0;
    friend bool operator==(const Digest&, const Digest&) = default;
    std::string hex() const;  // 32 lower-case hex digits
};

// Parses Digest::hex() back; nothing for anything else.
bool parse_digest(std::string_view hex, Digest& out);

// Hashes a sequence of values. Each string is fed with its length, so ("ab","c") and ("a","bc")
// differ.
class Hasher {
  public:
    Hasher();
    ~Hasher();
    Hasher(const Hasher&) = delete;
    Hasher& operator=(const Hasher&) = delete;

    Hasher& add(std::string_view bytes);
    Hasher& add_number(std::uint64_t value);
    Digest digest() const;

  private:
    struct State;
    std::unique_ptr<State> state_;
};

Digest hash_bytes(std::string_view bytes);

}  // namespace hindsight
