/* json.c: see json.h. Recursive descent with a depth limit; integers only. */
#include "json.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 8

struct parser {
	const char *s;
	size_t pos;
	char *err;
	size_t errlen;
};

static int fail(struct parser *p, const char *what)
{
	snprintf(p->err, p->errlen, "bad JSON at column %zu: %s", p->pos + 1, what);
	return -1;
}

static void skip_ws(struct parser *p)
{
	while (p->s[p->pos] == ' ' || p->s[p->pos] == '\t' || p->s[p->pos] == '\r' ||
	       p->s[p->pos] == '\n')
		p->pos++;
}

static int parse_value(struct parser *p, struct jval *v, int depth);

static int parse_string(struct parser *p, char **out)
{
	size_t cap = 16, n = 0;
	char *buf;

	if (p->s[p->pos] != '"')
		return fail(p, "expected a string");
	p->pos++;
	buf = malloc(cap);
	if (!buf)
		return fail(p, "out of memory");
	for (;;) {
		char c = p->s[p->pos];

		if (c == '\0') {
			free(buf);
			return fail(p, "unterminated string");
		}
		p->pos++;
		if (c == '"')
			break;
		if ((unsigned char)c < 0x20) {
			free(buf);
			return fail(p, "control character in string");
		}
		if (c == '\\') {
			char e = p->s[p->pos++];

			switch (e) {
			case '"': case '\\': case '/': c = e; break;
			case 'n': c = '\n'; break;
			case 't': c = '\t'; break;
			case 'r': c = '\r'; break;
			case 'b': c = '\b'; break;
			case 'f': c = '\f'; break;
			default:
				free(buf);
				return fail(p, "unsupported escape in string");
			}
		}
		if (n + 2 > cap) {
			char *nb = realloc(buf, cap *= 2);

			if (!nb) {
				free(buf);
				return fail(p, "out of memory");
			}
			buf = nb;
		}
		buf[n++] = c;
	}
	buf[n] = '\0';
	*out = buf;
	return 0;
}

static int parse_int(struct parser *p, struct jval *v)
{
	int neg = 0;
	int64_t n = 0;
	size_t digits = 0;

	if (p->s[p->pos] == '-') {
		neg = 1;
		p->pos++;
	}
	while (p->s[p->pos] >= '0' && p->s[p->pos] <= '9') {
		if (n > (INT64_MAX - 9) / 10)
			return fail(p, "integer out of range");
		n = n * 10 + (p->s[p->pos++] - '0');
		digits++;
	}
	if (!digits)
		return fail(p, "expected a value");
	if (p->s[p->pos] == '.' || p->s[p->pos] == 'e' || p->s[p->pos] == 'E')
		return fail(p, "only integers are supported");
	v->type = J_INT;
	v->num = neg ? -n : n;
	return 0;
}

static int push_item(struct parser *p, struct jval *v, size_t *cap, char *key)
{
	if (v->len == *cap) {
		size_t ncap = *cap ? *cap * 2 : 4;
		struct jval *ni = realloc(v->items, ncap * sizeof *ni);

		if (!ni)
			return fail(p, "out of memory");
		v->items = ni;
		if (v->type == J_OBJ) {
			char **nk = realloc(v->keys, ncap * sizeof *nk);

			if (!nk)
				return fail(p, "out of memory");
			v->keys = nk;
		}
		*cap = ncap;
	}
	memset(&v->items[v->len], 0, sizeof v->items[0]);
	if (v->type == J_OBJ)
		v->keys[v->len] = key;
	v->len++;
	return 0;
}

static int parse_container(struct parser *p, struct jval *v, int depth)
{
	int is_obj = p->s[p->pos] == '{';
	char close = is_obj ? '}' : ']';
	size_t cap = 0;

	if (depth >= MAX_DEPTH)
		return fail(p, "nesting too deep");
	v->type = is_obj ? J_OBJ : J_ARR;
	p->pos++;
	skip_ws(p);
	if (p->s[p->pos] == close) {
		p->pos++;
		return 0;
	}
	for (;;) {
		char *key = NULL;

		skip_ws(p);
		if (is_obj) {
			if (parse_string(p, &key))
				return -1;
			skip_ws(p);
			if (p->s[p->pos] != ':') {
				free(key);
				return fail(p, "expected ':'");
			}
			p->pos++;
			skip_ws(p);
			if (json_get(v, key)) {
				free(key);
				return fail(p, "duplicate key");
			}
		}
		if (push_item(p, v, &cap, key)) {
			free(key);
			return -1;
		}
		if (parse_value(p, &v->items[v->len - 1], depth + 1))
			return -1;
		skip_ws(p);
		if (p->s[p->pos] == ',') {
			p->pos++;
			continue;
		}
		if (p->s[p->pos] == close) {
			p->pos++;
			return 0;
		}
		return fail(p, is_obj ? "expected ',' or '}'" : "expected ',' or ']'");
	}
}

static int parse_word(struct parser *p, const char *word)
{
	size_t n = strlen(word);

	if (strncmp(p->s + p->pos, word, n) != 0)
		return fail(p, "expected a value");
	p->pos += n;
	return 0;
}

static int parse_value(struct parser *p, struct jval *v, int depth)
{
	char c;

	skip_ws(p);
	c = p->s[p->pos];
	if (c == '{' || c == '[')
		return parse_container(p, v, depth);
	if (c == '"') {
		v->type = J_STR;
		return parse_string(p, &v->str);
	}
	if (c == 't' || c == 'f') {
		v->type = J_BOOL;
		v->num = c == 't';
		return parse_word(p, c == 't' ? "true" : "false");
	}
	if (c == 'n') {
		v->type = J_NULL;
		return parse_word(p, "null");
	}
	return parse_int(p, v);
}

int json_parse(const char *text, struct jval *out, char *err, size_t errlen)
{
	struct parser p = { text, 0, err, errlen };

	memset(out, 0, sizeof *out);
	if (parse_value(&p, out, 0)) {
		json_free(out);
		return -1;
	}
	skip_ws(&p);
	if (text[p.pos] != '\0') {
		json_free(out);
		return fail(&p, "trailing characters");
	}
	return 0;
}

void json_free(struct jval *v)
{
	size_t i;

	if (v->type == J_STR)
		free(v->str);
	if (v->type == J_ARR || v->type == J_OBJ) {
		for (i = 0; i < v->len; i++) {
			json_free(&v->items[i]);
			if (v->type == J_OBJ)
				free(v->keys[i]);
		}
		free(v->items);
		free(v->keys);
	}
	memset(v, 0, sizeof *v);
}

const struct jval *json_get(const struct jval *obj, const char *key)
{
	size_t i;

	if (!obj || obj->type != J_OBJ)
		return NULL;
	for (i = 0; i < obj->len; i++)
		if (obj->keys[i] && strcmp(obj->keys[i], key) == 0)
			return &obj->items[i];
	return NULL;
}

void jb_init(struct jbuf *b)
{
	b->cap = 256;
	b->len = 0;
	b->data = malloc(b->cap);
	if (!b->data)
		abort();
	b->data[0] = '\0';
}

void jb_free(struct jbuf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

static void jb_reserve(struct jbuf *b, size_t extra)
{
	while (b->len + extra + 1 > b->cap) {
		b->cap *= 2;
		b->data = realloc(b->data, b->cap);
		if (!b->data)
			abort();
	}
}

void jb_raw(struct jbuf *b, const char *s)
{
	size_t n = strlen(s);

	jb_reserve(b, n);
	memcpy(b->data + b->len, s, n + 1);
	b->len += n;
}

void jb_printf(struct jbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	jb_reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void jb_str(struct jbuf *b, const char *s)
{
	jb_raw(b, "\"");
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			jb_printf(b, "\\%c", c);
		else if (c == '\n')
			jb_raw(b, "\\n");
		else if (c < 0x20)
			jb_printf(b, "\\u%04x", c);
		else
			jb_printf(b, "%c", c);
	}
	jb_raw(b, "\"");
}
