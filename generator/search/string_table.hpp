// An interning hash table for UTF-16 strings: the token cache and the term dictionary.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::search {

// Numbers each distinct string 0, 1, 2, ... in order of first insertion and keeps them in one
// buffer. Indexing looks up every token of every field, millions per large index, so this is an
// open-addressing table with the hashes stored, not std::unordered_map's node per entry.
class StringTable {
  public:
    static constexpr std::uint32_t kMissing = UINT32_MAX;

    StringTable();

    std::uint32_t find(std::u16string_view s) const;
    // The number of s, adding it if it is new; `added` says which.
    std::uint32_t insert(std::u16string_view s, bool& added);

    std::size_t size() const { return entries_.size(); }
    std::u16string_view at(std::uint32_t id) const {
        return std::u16string_view(text_).substr(entries_[id].offset, entries_[id].length);
    }

  private:
    struct Entry {
        std::uint64_t hash;
        std::uint32_t offset;
        std::uint32_t length;
    };

    static std::uint64_t hash_of(std::u16string_view s);
    std::size_t slot_of(std::u16string_view s, std::uint64_t hash) const;
    void grow();

    std::u16string text_;               // every string, one after the other
    std::vector<Entry> entries_;        // by id
    std::vector<std::uint32_t> slots_;  // id + 1, or 0 when empty; size is a power of two
};

}  // namespace hindsight::search
