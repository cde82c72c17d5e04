/*
 * Pump-side parser for device link frames. The gateway builds them in src/devicelink/frame.ts:
 *
 *   0x7E | version | type | seq (u32 BE) | length (u16 BE) | payload | HMAC-SHA256 (32) | CRC16 (u16 BE)
 *
 * Implements: SR-3
 */
#ifndef FRAME_PARSER_H
#define FRAME_PARSER_H

#include <stddef.h>
#include <stdint.h>

#define FRAME_START_BYTE 0x7Eu
#define FRAME_VERSION 1u
#define FRAME_HEADER_LEN 9u
#define FRAME_MAC_LEN 32u
#define FRAME_CRC_LEN 2u
#define FRAME_MAX_PAYLOAD 256u
#define FRAME_OVERHEAD (FRAME_HEADER_LEN + FRAME_MAC_LEN + FRAME_CRC_LEN)

enum frame_status {
    FRAME_OK = 0,
    FRAME_SHORT,
    FRAME_BAD_START,
    FRAME_BAD_VERSION,
    FRAME_BAD_LENGTH,
    FRAME_BAD_CRC,
    FRAME_BAD_MAC,
    FRAME_REPLAYED
};

struct frame {
    uint8_t type;
    uint32_t seq;
    uint16_t len;
    const uint8_t *payload; /* points into the caller's buffer */
};

/* Per-link state. The caller stores last_seq in non-volatile memory after every accepted frame. */
struct link_state {
    const uint8_t *key;
    size_t key_len;
    uint32_t last_seq;
};

/* CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR. */
uint16_t frame_crc16(const uint8_t *data, size_t len);

/*
 * Parses exactly one frame of len bytes. On FRAME_OK, out is filled and state->last_seq advanced; on any
 * other status nothing changes. Never reads outside buf[0..len).
 */
enum frame_status frame_parse(struct link_state *state, const uint8_t *buf, size_t len, struct frame *out);

/* Provided by the pump's crypto HAL (hardware HMAC engine): 1 if mac matches, compared in constant time. */
int hal_hmac_sha256_verify(const uint8_t *key, size_t key_len, const uint8_t *data, size_t data_len,
                           const uint8_t mac[FRAME_MAC_LEN]);

#endif /* FRAME_PARSER_H */
