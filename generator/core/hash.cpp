// XXH3-128 through libxxhash (Debian's libxxhash-dev).
#include "core/hash.hpp"

#include <fmt/format.h>
#include <xxhash.h>

namespace hindsight {

struct Hasher::State {
    XXH3_state_t* xxh = XXH3_createState();
    State() { XXH3_128bits_reset(xxh); }
    ~State() { XXH3_freeState(xxh); }
    State(const State&) = delete;
    State& operator=(const State&) = delete;
};

std::string Digest::hex() const {
    return fmt::format("{:016x}{:016x}", high, low);
}

bool parse_digest(std::string_view hex, Digest& out) {
    if (hex.size() != 32) {
        return false;
    }
    std::uint64_t parts[2] = {0, 0};
    for (std::size_t i = 0; i < 32; ++i) {
        const char c = hex[i];
        int v = 0;
        if (c >= '0' && c <= '9') {
            v = c - '0';
        } else if (c >= 'a' && c <= 'f') {
            v = c - 'a' + 10;
        } else {
            return false;
        }
        parts[i / 16] = (parts[i / 16] << 4) | static_cast<std::uint64_t>(v);
    }
    out = {parts[0], parts[1]};
    return true;
}

Hasher::Hasher() : state_(std::make_unique<State>()) {}
Hasher::~Hasher() = default;

Hasher& Hasher::add(std::string_view bytes) {
    add_number(bytes.size());
    XXH3_128bits_update(state_->xxh, bytes.data(), bytes.size());
    return *this;
}

Hasher& Hasher::add_number(std::uint64_t value) {
    unsigned char le[8];
    for (int i = 0; i < 8; ++i) {
        le[i] = static_cast<unsigned char>(value >> (8 * i));
    }
    XXH3_128bits_update(state_->xxh, le, sizeof le);
    return *this;
}

Digest Hasher::digest() const {
    const XXH128_hash_t h = XXH3_128bits_digest(state_->xxh);
    return {h.high64, h.low64};
}

Digest hash_bytes(std::string_view bytes) {
    const XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
    return {h.high64, h.low64};
}

}  // namespace hindsight
