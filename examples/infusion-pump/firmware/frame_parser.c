/*
 * Device link frame parser, pump side. Checks run cheapest first and in an order that never trusts a
 * field before it is bounded: declared length against the maximum and the bytes received, then the CRC
 * (line noise), then the HMAC (authenticity), and only then the sequence number (freshness).
 */
/* @implements MIT-2, SR-3 */
#include "frame_parser.h"

uint16_t frame_crc16(const uint8_t *data, size_t len)
{
    uint16_t crc = 0xFFFFu;
    for (size_t i = 0; i < len; i++) {
        crc ^= (uint16_t)((uint16_t)data[i] << 8);
        for (int bit = 0; bit < 8; bit++) {
            crc = (crc & 0x8000u) ? (uint16_t)((crc << 1) ^ 0x1021u) : (uint16_t)(crc << 1);
        }
    }
    return crc;
}

static uint32_t read_u32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

static uint16_t read_u16(const uint8_t *p)
{
    return (uint16_t)(((uint16_t)p[0] << 8) | p[1]);
}

enum frame_status frame_parse(struct link_state *state, const uint8_t *buf, size_t len, struct frame *out)
{
    if (buf == NULL || len < FRAME_OVERHEAD) {
        return FRAME_SHORT;
    }
    if (buf[0] != FRAME_START_BYTE) {
        return FRAME_BAD_START;
    }
    if (buf[1] != FRAME_VERSION) {
        return FRAME_BAD_VERSION;
    }

    const uint16_t payload_len = read_u16(&buf[7]);
    if (payload_len > FRAME_MAX_PAYLOAD || len != FRAME_OVERHEAD + (size_t)payload_len) {
        return FRAME_BAD_LENGTH;
    }

    const size_t mac_at = FRAME_HEADER_LEN + (size_t)payload_len;
    const size_t crc_at = mac_at + FRAME_MAC_LEN;
    if (frame_crc16(buf, crc_at) != read_u16(&buf[crc_at])) {
        return FRAME_BAD_CRC;
    }
    /* The MAC covers version, type, sequence number, length and payload: everything after the start byte. */
    if (hal_hmac_sha256_verify(state->key, state->key_len, &buf[1], mac_at - 1u, &buf[mac_at]) != 1) {
        return FRAME_BAD_MAC;
    }

    const uint32_t seq = read_u32(&buf[3]);
    if (seq <= state->last_seq) {
        return FRAME_REPLAYED;
    }

    state->last_seq = seq;
    out->type = buf[2];
    out->seq = seq;
    out->len = payload_len;
    out->payload = &buf[FRAME_HEADER_LEN];
    return FRAME_OK;
}
