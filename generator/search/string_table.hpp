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
        entries_.push_back({static_cast<std::uint32_t>(key.hash),
                            static_cast<std::uint32_t>(s.size()), text_.size()});
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
    // 16 bytes, not 24: the entries are most of a table's memory after the slots, and every
    // page of it is a page fault. The low 32 bits of the hash place a slot in any table of
    // up to 2^32 slots, more than 32-bit ids can fill.
    struct Entry {
        std::uint32_t hash;
        std::uint32_t length;
        std::size_t offset;
    };

    // Up to 8 bytes as a little-endian number, with fixed-size loads only: two overlapping
    // loads cover any length from 4 to 8 (the shared bytes are the same bytes), three any from 1
    // to 3. A variable-length memcpy per token costs a library call.
    static std::uint64_t load_up_to_8(const unsigned char* p, std::size_t n) {
        if (n >= 4) {
            std::uint32_t low;
            std::uint32_t high;
            std::memcpy(&low, p, 4);
            std::memcpy(&high, p + n - 4, 4);
            return low | (std::uint64_t{high} << (8 * (n - 4)));
        }
        if (n == 0) {
            return 0;
        }
        return std::uint64_t{p[0]} | (std::uint64_t{p[n / 2]} << (8 * (n / 2))) |
               (std::uint64_t{p[n - 1]} << (8 * (n - 1)));
    }

    static std::uint64_t mix(std::uint64_t x) {
        x = (x ^ (x >> 31)) * 0xBF58476D1CE4E5B9ULL;
        return x ^ (x >> 29);
    }

    // 8 bytes at a time, multiply and fold: tokens are short, and this is several times faster
    // than a byte-at-a-time hash on them.
    static Key key_of(View s) {
        const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
        const std::size_t size = s.size() * sizeof(Char);
        Key key{0, 0, 0, size};
        if (size <= 8) {
            key.prefix = load_up_to_8(bytes, size);
            key.hash = mix((key.prefix ^ 0x9E3779B97F4A7C15ULL) * 0x94D049BB133111EBULL + size);
        } else {
            std::memcpy(&key.prefix, bytes, 8);
            std::uint64_t hash = 0x9E3779B97F4A7C15ULL ^ size;
            std::size_t i = 0;
            for (; i + 8 < size; i += 8) {
                std::uint64_t chunk;
                std::memcpy(&chunk, bytes + i, 8);
                hash = mix((hash ^ chunk) * 0x94D049BB133111EBULL);
            }
            std::uint64_t last;  // the last 8 bytes, overlapping the previous chunk
            std::memcpy(&last, bytes + size - 8, 8);
            key.hash = mix((hash ^ last) * 0x94D049BB133111EBULL);
        }
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
        if (entry.length != s.size()) {
            return false;
        }
        const auto* stored = reinterpret_cast<const unsigned char*>(text_.data() + entry.offset);
        if (key.bytes <= 16) {  // the prefix matched; the last 8 bytes decide, without a call
            std::uint64_t a;
            std::uint64_t b;
            std::memcpy(&a, stored + key.bytes - 8, 8);
            std::memcpy(&b, reinterpret_cast<const unsigned char*>(s.data()) + key.bytes - 8, 8);
            return a == b;
        }
        return std::memcmp(stored, s.data(), key.bytes) == 0;
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
