// The in-memory parse results of the preview: lookups copy, finish() drops what went unused.
#include "cache/parse_memo.hpp"

namespace hindsight {

std::optional<ParsedFile> ParseMemo::find(const Digest& key) {
    std::shared_ptr<const ParsedFile> parsed;
    {
        const std::lock_guard lock(mutex_);
        const auto it = entries_.find(key.hex());
        if (it == entries_.end()) {
            return std::nullopt;
        }
        it->second.used = true;
        parsed = it->second.parsed;
    }
    return *parsed;  // copied outside the lock
}

void ParseMemo::store(const Digest& key, const ParsedFile& parsed) {
    auto entry = std::make_shared<const ParsedFile>(parsed);
    const std::lock_guard lock(mutex_);
    entries_[key.hex()] = Entry{std::move(entry), true};
}

void ParseMemo::finish() {
    const std::lock_guard lock(mutex_);
    for (auto it = entries_.begin(); it != entries_.end();) {
        if (!it->second.used) {
            it = entries_.erase(it);
        } else {
            it->second.used = false;
            ++it;
        }
    }
}

}  // namespace hindsight
