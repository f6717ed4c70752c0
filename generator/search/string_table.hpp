// An interning hash table for strings: the token caches and the term dictionary.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::search {

// Numbers each distinct string 0, 1, 2, ... in order of first insertion and keeps them in one
// buffer. Indexing looks up every token of every field, millions per large index, so this is an
// open-addressing table with the hashes stored, not std::unordered_map's node per entry.
template <typename Char>
class StringTable {
  public:
    using View = std::basic_string_view<Char>;
    static constexpr std::uint32_t kMissing = UINT32_MAX;

    StringTable() : slots_(1024) {}

    std::uint32_t find(View s) const {
        const Key key = key_of(s);
        const Slot& slot = slots_[slot_of(s, key)];
        return slot.id == 0 ? kMissing : slot.id - 1;
    }

    // The number of s, adding it if it is new; `added` says which. s must not point into the
    // table itself.
    std::uint32_t insert(View s, bool& added) {
        const Key key = key_of(s);
        Slot& slot = slots_[slot_of(s, key)];
        added = slot.id == 0;
        if (!added) {
            return slot.id - 1;
        }
        const auto id = static_cast<std::uint32_t>(entries_.size());
        entries_.push_back({key.hash, text_.size(), s.size()});
        text_.append(s);
        slot = {key.tag, id + 1, key.prefix};
        if (entries_.size() * 2 > slots_.size()) {
            grow();
        }
        return id;
    }

    std::size_t size() const { return entries_.size(); }
    View at(std::uint32_t id) const {
        return View(text_.data() + entries_[id].offset, entries_[id].length);
    }

  private:
    // What a lookup compares before it touches the entry: 32 hash bits, the length in bytes
    // (up to 255) and the first 8 bytes. Keys of at most 8 bytes, most tokens, are decided by
    // the slot alone: one cache line per lookup instead of three.
    struct Key {
        std::uint64_t hash;
        std::uint32_t tag;  // 24 hash bits and the length
        std::uint64_t prefix;
        std::size_t bytes;
    };
    struct Slot {
        std::uint32_t tag = 0;
        std::uint32_t id = 0;  // id + 1, or 0 when the slot is empty
        std::uint64_t prefix = 0;
    };
    struct Entry {
        std::uint64_t hash;
        std::size_t offset;
        std::size_t length;
    };

    // 8 bytes at a time, multiply and fold: tokens are short, and this is several times
    // faster than a byte-at-a-time hash on them.
    static Key key_of(View s) {
        const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
        const std::size_t size = s.size() * sizeof(Char);
        Key key{0x9E3779B97F4A7C15ULL ^ size, 0, 0, size};
        std::memcpy(&key.prefix, bytes, size < 8 ? size : 8);
        std::size_t rest = size;
        while (rest >= 8) {
            std::uint64_t chunk;
            std::memcpy(&chunk, bytes, 8);
            key.hash = (key.hash ^ chunk) * 0xBF58476D1CE4E5B9ULL;
            key.hash ^= key.hash >> 31;
            bytes += 8;
            rest -= 8;
        }
        std::uint64_t tail = 0;
        std::memcpy(&tail, bytes, rest);
        key.hash = (key.hash ^ tail) * 0x94D049BB133111EBULL;
        key.hash ^= key.hash >> 29;
        key.tag = static_cast<std::uint32_t>(key.hash >> 40) << 8 |
                  static_cast<std::uint32_t>(size < 255 ? size : 255);
        return key;
    }

    bool equals(const Slot& slot, View s, const Key& key) const {
        if (slot.tag != key.tag || slot.prefix != key.prefix) {
            return false;
        }
        if (key.bytes <= 8) {
            return true;  // the length and every byte are in the slot
        }
        const Entry& entry = entries_[slot.id - 1];
        return entry.length == s.size() &&
               std::memcmp(text_.data() + entry.offset, s.data(), key.bytes) == 0;
    }

    // The slot holding s, or the empty slot where it would go.
    std::size_t slot_of(View s, const Key& key) const {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = key.hash & mask;; i = (i + 1) & mask) {
            const Slot& slot = slots_[i];
            if (slot.id == 0 || equals(slot, s, key)) {
                return i;
            }
        }
    }

    // Twice the size, so the table stays at most half full.
    void grow() {
        std::vector<Slot> old(slots_.size() * 2);
        old.swap(slots_);
        const std::size_t mask = slots_.size() - 1;
        for (const Slot& slot : old) {
            if (slot.id != 0) {
                std::size_t i = entries_[slot.id - 1].hash & mask;
                while (slots_[i].id != 0) {
                    i = (i + 1) & mask;
                }
                slots_[i] = slot;
            }
        }
    }

    std::basic_string<Char> text_;  // every string, one after the other
    std::vector<Entry> entries_;    // by id
    std::vector<Slot> slots_;
};

}  // namespace hindsight::search
