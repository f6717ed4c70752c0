// The parts lunr's bytes depend on, each against lunr.js or V8 in bulk: the token pipeline on a
// whole dictionary, Math.log, and Number#toString.
#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <fstream>
#include <sstream>

#include "lunr_support.hpp"
#include "search/fdlibm_log.hpp"
#include "search/js_number.hpp"
#include "search/stemmer.hpp"
#include "search/stop_words.hpp"
#include "search/tokenizer.hpp"
#include "search/trimmer.hpp"
#include "search/utf16.hpp"

using namespace hindsight::test;
using namespace hindsight::search;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        lines.push_back(line);
    }
    return lines;
}

void write_lines(const fs::path& path, const std::vector<std::string>& lines) {
    std::ofstream out(path, std::ios::binary);
    for (const auto& line : lines) {
        out << line << '\n';
    }
}

std::string bits_of(double x) {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx",
                  static_cast<unsigned long long>(std::bit_cast<std::uint64_t>(x)));
    return buffer;
}

// What the index pipeline makes of one word: "-" when the stop word filter drops it.
std::string our_pipeline(const std::string& word) {
    const std::u16string lowered = js_to_lower(to_utf16(word));
    const std::u16string_view trimmed = trim_token(lowered);
    if (is_stop_word(trimmed)) {
        return "-";
    }
    return to_utf8(stem(std::u16string(trimmed)));
}

// Runs `mode` of lunr_reference.mjs over the inputs, one result per line.
std::vector<std::string> reference_lines(const std::string& mode,
                                         const std::vector<std::string>& inputs) {
    TempDir dir;
    write_lines(dir.path() / "in.txt", inputs);
    run_reference({mode, (dir.path() / "in.txt").string(), (dir.path() / "out.txt").string()});
    auto lines = lines_of(read_file(dir.path() / "out.txt"));
    REQUIRE(lines.size() == inputs.size());
    return lines;
}

}  // namespace

TEST_CASE("the index pipeline stems every dictionary word as lunr.js does", "[lunr][stemmer]") {
    require_node_and_lunr();
    const fs::path dictionary = "/usr/share/dict/american-english";
    if (!fs::exists(dictionary)) {
        FAIL("the word list " << dictionary.string()
                              << " is missing: install Debian's wamerican (make test does)");
    }
    std::vector<std::string> words = lines_of(read_file(dictionary));
    // Inflected and suffixed forms reach the later Porter steps more often than base words.
    const std::size_t base = words.size();
    for (std::size_t i = 0; i < base; i += 7) {
        for (const char* suffix : {"s", "ing", "ed", "ly", "ness", "ational", "izer", "ement"}) {
            words.push_back(words[i] + suffix);
        }
    }
    const auto expected = reference_lines("pipeline", words);
    int differences = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string ours = our_pipeline(words[i]);
        if (ours != expected[i] && ++differences <= 10) {
            UNSCOPED_INFO(words[i] << ": lunr.js " << expected[i] << ", hindsight " << ours);
        }
    }
    CHECK(differences == 0);
}

TEST_CASE("fdlibm_log is bit for bit V8's Math.log", "[lunr][number]") {
    require_node_and_lunr();
    std::vector<double> inputs;
    // Every idf argument 1 + |(N - df + 0.5) / (df + 0.5)| of indexes up to 600 documents.
    for (int n = 1; n <= 600; ++n) {
        for (int df = 1; df <= 2 * n; df += 1 + df / 50) {
            inputs.push_back(1 + std::fabs((n - df + 0.5) / (df + 0.5)));
        }
    }
    // And doubles spread over the whole range, subnormals included.
    std::uint64_t state = 7;
    for (int i = 0; i < 50000; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const double x = std::bit_cast<double>(state >> 1);  // positive
        if (std::isfinite(x)) {
            inputs.push_back(x);
        }
    }
    for (double x : {0.0, 1.0, 2.0, 0.5, 1e-310, 1.0000001, 0.9999999, 1e308, 3.0}) {
        inputs.push_back(x);
    }
    std::vector<std::string> bits;
    for (const double x : inputs) {
        bits.push_back(bits_of(x));
    }
    const auto expected = reference_lines("log", bits);
    int differences = 0;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        if (bits_of(fdlibm_log(inputs[i])) != expected[i] && ++differences <= 10) {
            UNSCOPED_INFO("log(" << bits[i] << "): V8 " << expected[i] << ", fdlibm_log "
                                 << bits_of(fdlibm_log(inputs[i])));
        }
    }
    CHECK(differences == 0);
    CHECK(inputs.size() > 100000);
}

TEST_CASE("js_number_to_string is Number#toString", "[lunr][number]") {
    require_node_and_lunr();
    std::vector<double> inputs;
    // Every vector value lunr can write between -100 and 100: k / 1000.
    for (int k = -100000; k <= 100000; k += 7) {
        inputs.push_back(k / 1000.0);
    }
    // Both sides of each switch between the plain and the exponent forms.
    for (int e = -30; e <= 30; ++e) {
        const double p = std::pow(10.0, e);
        for (double x : {p, 1.5 * p, 123456789 * p, std::nextafter(p, 0.0), -p}) {
            inputs.push_back(x);
        }
    }
    std::uint64_t state = 11;
    for (int i = 0; i < 50000; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const double x = std::bit_cast<double>(state);
        if (std::isfinite(x)) {
            inputs.push_back(x);
        }
    }
    for (double x : {0.0, -0.0, 5e-324, 1.7976931348623157e308, 123456789012345678901234.0, 1e21,
                     1e-7, 0.1, 100000.0, 9007199254740993.0}) {
        inputs.push_back(x);
    }
    std::vector<std::string> bits;
    for (const double x : inputs) {
        bits.push_back(bits_of(x));
    }
    const auto expected = reference_lines("tostring", bits);
    int differences = 0;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const std::string ours = js_number_to_string(inputs[i]);
        if (ours != expected[i] && ++differences <= 10) {
            UNSCOPED_INFO(bits[i] << ": V8 " << expected[i] << ", hindsight " << ours);
        }
    }
    CHECK(differences == 0);
}
