// Linear probing over a power-of-two table kept at most half full.
#include "search/string_table.hpp"

namespace hindsight::search {

StringTable::StringTable() : slots_(1024, 0) {}

// FNV-1a over the code units: cheap for the short strings tokens are, and well spread.
std::uint64_t StringTable::hash_of(std::u16string_view s) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char16_t unit : s) {
        hash = (hash ^ unit) * 0x100000001b3ULL;
    }
    return hash ^ (hash >> 29);
}

// The slot holding s, or the empty slot where it would go.
std::size_t StringTable::slot_of(std::u16string_view s, std::uint64_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
        const std::uint32_t id = slots_[slot];
        if (id == 0) {
            return slot;
        }
        const Entry& entry = entries_[id - 1];
        if (entry.hash == hash && at(id - 1) == s) {
            return slot;
        }
    }
}

std::uint32_t StringTable::find(std::u16string_view s) const {
    const std::uint32_t id = slots_[slot_of(s, hash_of(s))];
    return id == 0 ? kMissing : id - 1;
}

std::uint32_t StringTable::insert(std::u16string_view s, bool& added) {
    const std::uint64_t hash = hash_of(s);
    std::size_t slot = slot_of(s, hash);
    added = slots_[slot] == 0;
    if (!added) {
        return slots_[slot] - 1;
    }
    const auto id = static_cast<std::uint32_t>(entries_.size());
    entries_.push_back(
        {hash, static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(s.size())});
    text_.append(s);
    slots_[slot] = id + 1;
    if (entries_.size() * 2 > slots_.size()) {
        grow();
    }
    return id;
}

void StringTable::grow() {
    std::vector<std::uint32_t> old(slots_.size() * 2, 0);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const std::uint32_t id : old) {
        if (id != 0) {
            std::size_t slot = entries_[id - 1].hash & mask;
            while (slots_[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots_[slot] = id;
        }
    }
}

}  // namespace hindsight::search
