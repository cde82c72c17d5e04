/*
 * Host-side unit tests of the pump's frame parser: boundaries of every length check, corruption, forgery,
 * replay, and a randomised run that must never read out of bounds (build with -fsanitize=address).
 *
 *   cc -std=c11 -Wall -Wextra -fsanitize=address,undefined frame_parser.c frame_parser_test.c -o frame_parser_test
 *
 * The HMAC engine is hardware; here it is replaced by a keyed test double, since what is under test is the
 * parser's use of it, not the HMAC itself.
 */
/* @verifies MIT-2, SR-3, SR-9 */
#include <stdio.h>
#include <string.h>

#include "frame_parser.h"

/* Test double: a keyed checksum spread over 32 bytes. Not a MAC; only distinguishes key and content. */
static void fake_mac(const uint8_t *key, size_t key_len, const uint8_t *data, size_t len, uint8_t mac[FRAME_MAC_LEN])
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < key_len; i++) h = (h ^ key[i]) * 16777619u;
    for (size_t i = 0; i < len; i++) h = (h ^ data[i]) * 16777619u;
    for (size_t i = 0; i < FRAME_MAC_LEN; i++) {
        h = (h ^ (uint32_t)i) * 16777619u;
        mac[i] = (uint8_t)(h >> 24);
    }
}

int hal_hmac_sha256_verify(const uint8_t *key, size_t key_len, const uint8_t *data, size_t data_len,
                           const uint8_t mac[FRAME_MAC_LEN])
{
    uint8_t expected[FRAME_MAC_LEN];
    uint8_t diff = 0;
    fake_mac(key, key_len, data, data_len, expected);
    for (size_t i = 0; i < FRAME_MAC_LEN; i++) diff |= (uint8_t)(expected[i] ^ mac[i]);
    return diff == 0;
}

static const uint8_t KEY[32] = {0x5A, 0x5A, 0x5A, 0x5A, 0x5A, 0x5A, 0x5A, 0x5A};
static const uint8_t OTHER_KEY[32] = {0x11};
static int failures;

#define CHECK(cond)                                                              \
    do {                                                                         \
        if (!(cond)) {                                                           \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                          \
        }                                                                        \
    } while (0)

static size_t build(uint8_t *out, const uint8_t *key, uint8_t type, uint32_t seq, const uint8_t *payload, uint16_t len)
{
    out[0] = FRAME_START_BYTE;
    out[1] = FRAME_VERSION;
    out[2] = type;
    out[3] = (uint8_t)(seq >> 24);
    out[4] = (uint8_t)(seq >> 16);
    out[5] = (uint8_t)(seq >> 8);
    out[6] = (uint8_t)seq;
    out[7] = (uint8_t)(len >> 8);
    out[8] = (uint8_t)len;
    if (len > 0) memcpy(&out[FRAME_HEADER_LEN], payload, len);
    fake_mac(key, 32, &out[1], FRAME_HEADER_LEN - 1u + len, &out[FRAME_HEADER_LEN + len]);
    uint16_t crc = frame_crc16(out, FRAME_HEADER_LEN + len + FRAME_MAC_LEN);
    out[FRAME_HEADER_LEN + len + FRAME_MAC_LEN] = (uint8_t)(crc >> 8);
    out[FRAME_HEADER_LEN + len + FRAME_MAC_LEN + 1] = (uint8_t)crc;
    return FRAME_OVERHEAD + len;
}

static void refresh_crc(uint8_t *buf, size_t len)
{
    uint16_t crc = frame_crc16(buf, len - FRAME_CRC_LEN);
    buf[len - 2] = (uint8_t)(crc >> 8);
    buf[len - 1] = (uint8_t)crc;
}

int main(void)
{
    uint8_t buf[FRAME_OVERHEAD + FRAME_MAX_PAYLOAD + 8];
    uint8_t payload[FRAME_MAX_PAYLOAD] = {0x48, 0x45, 0x50, 0x32, 0x35, 0x4B};
    struct frame frame;
    struct link_state link = {KEY, sizeof KEY, 41};

    CHECK(frame_crc16((const uint8_t *)"123456789", 9) == 0x29B1u);

    /* A valid frame is accepted and advances the sequence number. */
    size_t n = build(buf, KEY, 0x01, 42, payload, 16);
    CHECK(frame_parse(&link, buf, n, &frame) == FRAME_OK);
    CHECK(frame.seq == 42 && frame.len == 16 && frame.payload == &buf[FRAME_HEADER_LEN]);
    CHECK(link.last_seq == 42);

    /* The same frame again, or an older one, is a replay. */
    CHECK(frame_parse(&link, buf, n, &frame) == FRAME_REPLAYED);
    n = build(buf, KEY, 0x01, 40, payload, 16);
    CHECK(frame_parse(&link, buf, n, &frame) == FRAME_REPLAYED);
    CHECK(link.last_seq == 42);

    /* Length boundaries: empty and maximum payloads pass; one byte short, one too many, or over the maximum fail. */
    n = build(buf, KEY, 0x02, 43, payload, 0);
    CHECK(frame_parse(&link, buf, n, &frame) == FRAME_OK);
    n = build(buf, KEY, 0x81, 44, payload, FRAME_MAX_PAYLOAD);
    CHECK(frame_parse(&link, buf, n, &frame) == FRAME_OK);
    n = build(buf, KEY, 0x81, 45, payload, 4);
    CHECK(frame_parse(&link, buf, n - 1, &frame) == FRAME_BAD_LENGTH);
    CHECK(frame_parse(&link, buf, n + 1, &frame) == FRAME_BAD_LENGTH);
    CHECK(frame_parse(&link, buf, FRAME_OVERHEAD - 1u, &frame) == FRAME_SHORT);
    buf[7] = 0x01;
    buf[8] = 0x01; /* declares 257 bytes */
    CHECK(frame_parse(&link, buf, sizeof buf, &frame) == FRAME_BAD_LENGTH);

    /* Corruption fails the CRC; a forger who fixes the CRC still fails the MAC; another key fails the MAC. */
    n = build(buf, KEY, 0x03, 46, payload, 4);
    buf[10] ^= 0x01;
    CHECK(frame_parse(&link, buf, n, &frame) == FRAME_BAD_CRC);
    refresh_crc(buf, n);
    CHECK(frame_parse(&link, buf, n, &frame) == FRAME_BAD_MAC);
    n = build(buf, OTHER_KEY, 0x03, 46, payload, 4);
    CHECK(frame_parse(&link, buf, n, &frame) == FRAME_BAD_MAC);
    CHECK(link.last_seq == 44);

    /* Wrong start byte and version. */
    n = build(buf, KEY, 0x03, 47, payload, 4);
    buf[0] = 0x00;
    CHECK(frame_parse(&link, buf, n, &frame) == FRAME_BAD_START);
    buf[0] = FRAME_START_BYTE;
    buf[1] = 2;
    CHECK(frame_parse(&link, buf, n, &frame) == FRAME_BAD_VERSION);

    /* Random input: must never be accepted, crash or read out of bounds. */
    uint32_t x = 2463534242u;
    for (int round = 0; round < 100000; round++) {
        size_t len = 0;
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        len = x % sizeof buf;
        for (size_t i = 0; i < len; i++) {
            x ^= x << 13; x ^= x >> 17; x ^= x << 5;
            buf[i] = (uint8_t)x;
        }
        if (len > 8 && (round & 1)) {
            buf[0] = FRAME_START_BYTE;
            buf[1] = FRAME_VERSION;
            buf[7] = (uint8_t)(((len - FRAME_OVERHEAD) >> 8) & 0x01u);
            buf[8] = (uint8_t)(len - FRAME_OVERHEAD);
        }
        CHECK(frame_parse(&link, buf, len, &frame) != FRAME_OK);
    }

    if (failures) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    puts("frame parser: all checks passed");
    return 0;
}
