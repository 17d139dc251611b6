/* wtsd's settings: their defaults, the command line, and what a config
 * file (config_file.h) may set. docs/wtsd.md documents each one; `wtsd
 * --help` prints the same list.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef WTSD_OPTIONS_H
#define WTSD_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "log.h"

#define WTSD_DEFAULT_SOCKET "/run/openwts/wtsd.sock"
#define WTSD_DEFAULT_SOCKET_MODE 0666u
#define WTSD_DEFAULT_READ_TIMEOUT 10u   /* seconds */
#define WTSD_DEFAULT_SEND_TIMEOUT 30u   /* seconds */
#define WTSD_DEFAULT_MAX_CLIENTS 256u
#define WTSD_DEFAULT_MAX_OUTPUT (4u * 1024u * 1024u)

/* Bounds a value must fall within (the command line and config files). */
#define WTSD_TIMEOUT_MAX 3600u
#define WTSD_MAX_CLIENTS_MAX 65536u
#define WTSD_MAX_OUTPUT_MIN 4096u
#define WTSD_MAX_OUTPUT_MAX (1024u * 1024u * 1024u)

typedef struct wtsd_options {
    char *backend;          /* "sim" */
    char *scenario;         /* the sim's scenario file */
    char *state;            /* the sim's state file, NULL: changes are not kept */
    char *bus;              /* logind: a D-Bus address, NULL: the system bus */
    char *socket_path;      /* the Unix socket; "" for none */
    unsigned socket_mode;   /* its permission bits */
    char **listen;          /* TCP addresses "HOST:PORT", "[V6]:PORT" */
    size_t n_listen;
    char *key_file;         /* the shared key of remote clients */
    char *remote_user;      /* who a remote client that proved the key is */
    char *admin_group;      /* members are administrators, as root is */
    bool key_on_loopback;   /* loopback clients prove the key too (tests) */
    wtsd_log_level log_level;
    unsigned read_timeout;  /* seconds for a handshake, or a frame once begun */
    unsigned send_timeout;  /* seconds an answer may wait for the client to read */
    unsigned max_clients;
    unsigned max_output;    /* bytes queued for one client */
    bool check_only;        /* --check-config: read and check the settings, then exit */
} wtsd_options;

/* The defaults; strings allocated, so that every field can be freed. */
bool wtsd_options_init(wtsd_options *o);
void wtsd_options_free(wtsd_options *o);

/* Replaces a string setting (value copied; NULL clears it). */
bool wtsd_options_set_string(char **field, const char *value);
/* Appends a TCP listen address. */
bool wtsd_options_add_listen(wtsd_options *o, const char *address);
void wtsd_options_clear_listen(wtsd_options *o);

/* Number parsers shared by the command line and config files: decimal
 * (octal for a mode) with nothing after it, within [min, max]. */
bool wtsd_parse_unsigned(const char *text, unsigned min, unsigned max, unsigned *out);
bool wtsd_parse_mode(const char *text, unsigned *out);

/* The outcome of reading the command line. */
typedef enum wtsd_cli_result {
    WTSD_CLI_RUN = 0,   /* settings complete: start */
    WTSD_CLI_EXIT = 1,  /* --help or --version was printed: exit 0 */
    WTSD_CLI_USAGE = 2, /* a message was printed to stderr: exit 2 */
} wtsd_cli_result;

/* Reads argv into *o (initialised by the caller): the config file named
 * by --config first, then every other option over it, then checks that
 * the settings go together. */
wtsd_cli_result wtsd_options_from_command_line(wtsd_options *o, int argc, char **argv);

/* What --help prints. */
void wtsd_options_usage(FILE *to);

#endif
