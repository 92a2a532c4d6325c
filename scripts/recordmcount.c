// SPDX-License-Identifier: GPL-2.0-only
/*
 * recordmcount - record the __fentry__ call sites of an x86-64 object
 *
 * Usage: recordmcount [-w] FILE.o...
 *
 * Objects built with -pg -mfentry start every traceable function with
 * "call __fentry__" (e8 + rel32, relocated R_X86_64_PLT32 or PC32, addend
 * -4).  This tool finds those calls through the relocations and appends
 * __mcount_loc (SHF_ALLOC, one zeroed 8-byte slot per call) and
 * .rela__mcount_loc (one R_X86_64_64 per slot, resolving to the call),
 * which the kernel walks at boot or module load to patch the calls.
 *
 * Only the sections traced_section() (recordmcount.h) accepts are recorded.  Calls to
 * __fentry__ anywhere else become 5-byte NOPs and their relocations
 * R_X86_64_NONE, so code the kernel does not know about never enters the
 * ftrace trampoline.
 *
 * Every slot is relocated against the STT_SECTION symbol of the section
 * holding the call, with the call's offset as addend, as the assembler does
 * for gcc's own -mrecord-mcount.  A section symbol always means this
 * object's copy of the section, whatever the linker does with global
 * symbols: right for static functions, for .init.text and, through ld -r or
 * the module loader, for modules.  It is the only safe choice for weak
 * functions: if a strong f elsewhere overrides a weak f, "f + offset" would
 * resolve into the strong f, where it need not be a call at all, and the
 * kernel would patch random bytes.  The section-relative entry still points
 * at the weak copy's own call, which stays in the image (the linker drops
 * the symbol, not the code): a real call that is never executed, harmless
 * to patch.  The assembler omits unused section symbols; missing ones are
 * added, and the global symbols they displace are renumbered everywhere.
 *
 * The object is edited with libelf in a temporary copy that replaces it by
 * rename() only once completely written.  An object that already has
 * __mcount_loc is left alone, so a second run changes nothing.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <gelf.h>

#include "recordmcount.h"

/* libelf's types under kernel-style names (checkpatch rejects CamelCase) */
#define elf_t	typeof(*elf_memory(NULL, 0))
#define scn_t	typeof(*elf_getscn(NULL, 0))
#define data_t	typeof(*elf_getdata(NULL, NULL))
#define ehdr_t	typeof(*gelf_getehdr(NULL, NULL))
#define shdr_t	typeof(*gelf_getshdr(NULL, NULL))
#define sym_t	typeof(*gelf_getsym(NULL, 0, NULL))
#define rela_t	typeof(*gelf_getrela(NULL, 0, NULL))

#define CALL_OPCODE	0xe8
#define CALL_SIZE	5
#define NEEDS_SYMBOL	((size_t)-1)

static const unsigned char nop5[CALL_SIZE] = { 0x0f, 0x1f, 0x44, 0x00, 0x00 };
static const char new_names[] = "__mcount_loc\0.rela__mcount_loc";
#define RELA_NAME_OFF	(sizeof("__mcount_loc"))

static bool warn;

/* One "call __fentry__" to record */
struct site {
	size_t text;		/* section holding the call */
	unsigned long off;	/* offset of the e8 byte in that section */
};

struct object {
	const char *file;
	elf_t *elf;
	size_t shnum;
	size_t shstrndx;
	size_t symtab;		/* .symtab section index, 0 if none */
	size_t shndx;		/* its SHT_SYMTAB_SHNDX section, 0 if none */
	size_t nsyms;
	size_t *secsym;		/* section index -> its STT_SECTION symbol */
	struct site *sites;
	size_t nsites;
	bool nopped;		/* some calls were made NOPs */
	/* lent to libelf until elf_end(): symbols, shndx, the two sections */
	void *bufs[4];
	int nbufs;
};

/* Print a message about @o; return -1 so errors can be returned with it */
static int report(struct object *o, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "recordmcount: %s: ", o->file);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return -1;
}

static int elf_fail(struct object *o, const char *what)
{
	return report(o, "%s: %s", what, elf_errmsg(-1));
}

/* Zeroed memory for a section's data, freed after elf_end() */
static void *lend(struct object *o, size_t size)
{
	void *p = calloc(1, size ? size : 1);

	if (p && o->nbufs < (int)ARRAY_SIZE(o->bufs))
		return o->bufs[o->nbufs++] = p;
	free(p);
	return NULL;
}

static const char *scn_name(struct object *o, shdr_t *sh)
{
	const char *name = elf_strptr(o->elf, o->shstrndx, sh->sh_name);

	return name ? name : "";
}

/* Does [@off, @off + @len) lie beyond a file of @size bytes? */
static bool beyond(unsigned long long off, unsigned long long len, off_t size)
{
	return off > (unsigned long long)size || len > size - off;
}

/**
 * check_object() - accept only sane x86-64 relocatable objects
 * @o: the object
 * @size: its file size
 *
 * Return: 1 if @o is to be processed; 0 if it already has __mcount_loc or
 * has no symbol table (then it cannot call __fentry__); -1 on error.
 */
static int check_object(struct object *o, off_t size)
{
	ehdr_t eh;
	shdr_t sh;
	size_t i, nsym = 0;
	bool done = false;

	if (elf_kind(o->elf) != ELF_K_ELF)
		return report(o, "not an ELF object");
	if (gelf_getclass(o->elf) != ELFCLASS64)
		return report(o, "not a 64-bit ELF object");
	if (!gelf_getehdr(o->elf, &eh))
		return elf_fail(o, "bad ELF header");
	if (eh.e_machine != EM_X86_64)
		return report(o, "machine %u is not x86-64", eh.e_machine);
	if (eh.e_type != ET_REL)
		return report(o, "not a relocatable object (type %u)", eh.e_type);
	if (elf_getshdrnum(o->elf, &o->shnum) ||
	    elf_getshdrstrndx(o->elf, &o->shstrndx))
		return elf_fail(o, "bad section headers");
	if ((eh.e_shoff && !o->shnum) ||
	    beyond(eh.e_shoff, o->shnum * sizeof(sh), size))
		return report(o, "section headers beyond the end of the file (truncated?)");
	if (!o->shnum)
		return 0;
	if (o->shstrndx >= o->shnum)
		return report(o, "no section name table");

	for (i = 1; i < o->shnum; i++) {
		if (!gelf_getshdr(elf_getscn(o->elf, i), &sh))
			return elf_fail(o, "bad section header");
		if (sh.sh_type != SHT_NOBITS && beyond(sh.sh_offset, sh.sh_size, size))
			return report(o, "section %zu beyond the end of the file (truncated?)", i);
		if (sh.sh_type == SHT_SYMTAB) {
			o->symtab = i;
			nsym++;
		}
		if (sh.sh_type == SHT_SYMTAB_SHNDX)
			o->shndx = i;
		if (!strcmp(scn_name(o, &sh), "__mcount_loc") ||
		    !strcmp(scn_name(o, &sh), ".rela__mcount_loc"))
			done = true;
	}
	if (nsym > 1)
		return report(o, "more than one symbol table");
	if (done || !o->symtab)
		return 0;

	gelf_getshdr(elf_getscn(o->elf, o->symtab), &sh);
	if (!elf_getdata(elf_getscn(o->elf, o->symtab), NULL))
		return elf_fail(o, "cannot read the symbol table");
	o->nsyms = sh.sh_size / sizeof(sym_t);
	if (sh.sh_info < 1 || sh.sh_info > o->nsyms || sh.sh_link >= o->shnum)
		return report(o, "malformed symbol table");
	return 1;
}

/* Symbol @i and the index of the section defining it; NULL on error */
static sym_t *get_sym(struct object *o, size_t i, sym_t *sym, size_t *sec)
{
	data_t *syms = elf_getdata(elf_getscn(o->elf, o->symtab), NULL);
	data_t *xs = NULL;
	unsigned int x = 0;

	if (o->shndx)
		xs = elf_getdata(elf_getscn(o->elf, o->shndx), NULL);
	if (i >= o->nsyms || !gelf_getsymshndx(syms, xs, i, sym, &x))
		return NULL;
	*sec = sym->st_shndx == SHN_XINDEX ? x : sym->st_shndx;
	return sym;
}

/* Append @s to @o->sites; 0 or -1 when out of memory */
static int add_site(struct object *o, struct site s)
{
	struct site *p = o->sites;

	if (!(o->nsites & (o->nsites + 1))) {	/* 0, 1, 3, 7... in use */
		p = realloc(p, (2 * o->nsites + 1) * sizeof(*p));
		if (!p)
			return report(o, "out of memory");
		o->sites = p;
	}
	o->sites[o->nsites++] = s;
	return 0;
}

/**
 * scan_calls() - find the "call __fentry__" sites
 * @o: the object
 *
 * Collects the sites in traced sections into @o->sites and turns the others
 * into NOPs (see traced_section()).  Also notes each section's STT_SECTION
 * symbol in @o->secsym.
 *
 * Return: 0 on success, -1 on error.
 */
static int scan_calls(struct object *o)
{
	size_t strtab, i, j, sec;
	shdr_t sh, tsh;
	sym_t sym;

	o->secsym = calloc(o->shnum, sizeof(*o->secsym));
	if (!o->secsym)
		return report(o, "out of memory");
	for (i = 1; i < o->nsyms; i++) {
		if (!get_sym(o, i, &sym, &sec))
			return elf_fail(o, "bad symbol");
		if (GELF_ST_TYPE(sym.st_info) == STT_SECTION && sec < o->shnum &&
		    !o->secsym[sec])
			o->secsym[sec] = i;
	}
	gelf_getshdr(elf_getscn(o->elf, o->symtab), &sh);
	strtab = sh.sh_link;

	for (i = 1; i < o->shnum; i++) {
		size_t nops = 0;
		data_t *rd, *td;
		unsigned char *text;
		const char *tname;
		bool traced;

		gelf_getshdr(elf_getscn(o->elf, i), &sh);
		if (sh.sh_type != SHT_RELA || sh.sh_link != o->symtab)
			continue;
		if (!sh.sh_info || sh.sh_info >= o->shnum)
			return report(o, "relocation section %zu has no target", i);
		gelf_getshdr(elf_getscn(o->elf, sh.sh_info), &tsh);
		if (!(tsh.sh_flags & SHF_EXECINSTR) || tsh.sh_type != SHT_PROGBITS)
			continue;
		tname = scn_name(o, &tsh);
		traced = traced_section(tname);
		rd = elf_getdata(elf_getscn(o->elf, i), NULL);
		td = elf_getdata(elf_getscn(o->elf, sh.sh_info), NULL);
		if (!rd || !td)
			return elf_fail(o, "cannot read section data");
		text = td->d_buf;

		for (j = 0; j < rd->d_size / sizeof(rela_t); j++) {
			const char *name;
			rela_t r;

			if (!gelf_getrela(rd, j, &r) ||
			    !get_sym(o, GELF_R_SYM(r.r_info), &sym, &sec))
				return elf_fail(o, "bad relocation");
			name = elf_strptr(o->elf, strtab, sym.st_name);
			if (!name || strcmp(name, "__fentry__"))
				continue;
			if (r.r_offset < 1 || beyond(r.r_offset, CALL_SIZE - 1, td->d_size))
				return report(o, "relocation beyond section %s", tname);
			if ((GELF_R_TYPE(r.r_info) != R_X86_64_PLT32 &&
			     GELF_R_TYPE(r.r_info) != R_X86_64_PC32) ||
			    r.r_addend != -4 || text[r.r_offset - 1] != CALL_OPCODE) {
				if (warn)
					report(o, "warning: %s+0x%lx: not a call to __fentry__",
					       tname, (unsigned long)r.r_offset);
				continue;
			}
			if (traced) {
				if (add_site(o, (struct site){ sh.sh_info, r.r_offset - 1 }))
					return -1;
				continue;
			}
			/* Not traced: make it a NOP, with no relocation */
			memcpy(text + r.r_offset - 1, nop5, CALL_SIZE);
			r.r_info = GELF_R_INFO(0, R_X86_64_NONE);
			r.r_addend = 0;
			gelf_update_rela(rd, j, &r);
			elf_flagdata(td, ELF_C_SET, ELF_F_DIRTY);
			elf_flagdata(rd, ELF_C_SET, ELF_F_DIRTY);
			o->nopped = true;
			if (warn && !nops++)
				report(o, "warning: %s is not traced: __fentry__ calls made NOPs",
				       tname);
		}
	}
	return 0;
}

/* Insert @k zeroed entries of @esize bytes at index @at of section @scn */
static void *grow_table(struct object *o, size_t scn, size_t at, size_t k,
			size_t esize)
{
	data_t *d = elf_getdata(elf_getscn(o->elf, scn), NULL);
	char *buf = d ? lend(o, d->d_size + k * esize) : NULL;

	if (!buf)
		return NULL;
	memcpy(buf, d->d_buf, at * esize);
	memcpy(buf + (at + k) * esize, (char *)d->d_buf + at * esize,
	       d->d_size - at * esize);
	d->d_buf = buf;
	d->d_size += k * esize;
	elf_flagdata(d, ELF_C_SET, ELF_F_DIRTY);
	return buf + at * esize;
}

/**
 * add_section_symbols() - give every recorded section an STT_SECTION symbol
 * @o: the object
 *
 * Missing symbols are inserted after the last local symbol, as locals must
 * come first; the global symbols move up and every reference to them
 * (relocations, group signatures, the SHT_SYMTAB_SHNDX table) is renumbered.
 *
 * Return: 0 on success, -1 on error.
 */
static int add_section_symbols(struct object *o)
{
	scn_t *scn = elf_getscn(o->elf, o->symtab);
	size_t i, j, k = 0, at;
	unsigned int *xs = NULL;
	sym_t *syms;
	shdr_t sh;
	rela_t r;

	for (i = 0; i < o->nsites; i++) {
		if (!o->secsym[o->sites[i].text]) {
			o->secsym[o->sites[i].text] = NEEDS_SYMBOL;
			k++;
		}
	}
	if (!k)
		return 0;
	for (i = 1; i < o->shnum; i++) {
		gelf_getshdr(elf_getscn(o->elf, i), &sh);
		if (sh.sh_link == o->symtab && sh.sh_type != SHT_RELA &&
		    sh.sh_type != SHT_GROUP && sh.sh_type != SHT_SYMTAB_SHNDX)
			return report(o, "cannot renumber the symbols used by %s",
				      scn_name(o, &sh));
	}

	gelf_getshdr(scn, &sh);
	at = sh.sh_info;
	sh.sh_info += k;
	gelf_update_shdr(scn, &sh);
	syms = grow_table(o, o->symtab, at, k, sizeof(*syms));
	if (o->shndx)
		xs = grow_table(o, o->shndx, at, k, sizeof(*xs));
	if (!syms || (o->shndx && !xs))
		return report(o, "out of memory");
	o->nsyms += k;
	for (i = 1, j = 0; i < o->shnum; i++) {
		if (o->secsym[i] != NEEDS_SYMBOL)
			continue;
		syms[j].st_info = GELF_ST_INFO(STB_LOCAL, STT_SECTION);
		syms[j].st_shndx = i;
		if (i >= SHN_LORESERVE) {
			if (!xs)
				return report(o, "section %zu needs SHT_SYMTAB_SHNDX", i);
			syms[j].st_shndx = SHN_XINDEX;
			xs[j] = i;
		}
		o->secsym[i] = at + j++;
	}

	for (i = 1; i < o->shnum; i++) {
		scn_t *s = elf_getscn(o->elf, i);
		data_t *d;

		gelf_getshdr(s, &sh);
		if (sh.sh_link != o->symtab)
			continue;
		if (sh.sh_type == SHT_GROUP && sh.sh_info >= at) {
			sh.sh_info += k;
			gelf_update_shdr(s, &sh);
		}
		if (sh.sh_type != SHT_RELA)
			continue;
		d = elf_getdata(s, NULL);
		if (!d)
			return elf_fail(o, "cannot read relocations");
		for (j = 0; j < d->d_size / sizeof(r); j++) {
			gelf_getrela(d, j, &r);
			if (GELF_R_SYM(r.r_info) < at)
				continue;
			r.r_info = GELF_R_INFO(GELF_R_SYM(r.r_info) + k,
					       GELF_R_TYPE(r.r_info));
			gelf_update_rela(d, j, &r);
		}
		elf_flagdata(d, ELF_C_SET, ELF_F_DIRTY);
	}
	return 0;
}

/* Append a section of @size zeroed bytes of type @type */
static data_t *new_section(struct object *o, shdr_t *sh, size_t size, int type)
{
	scn_t *scn = elf_newscn(o->elf);
	data_t *d = scn ? elf_newdata(scn) : NULL;

	if (!d || !gelf_update_shdr(scn, sh))
		return NULL;
	d->d_buf = lend(o, size);
	d->d_size = size;
	d->d_type = type;
	d->d_align = 8;
	d->d_version = EV_CURRENT;
	return d->d_buf ? d : NULL;
}

/**
 * add_mcount_loc() - append __mcount_loc and .rela__mcount_loc
 * @o: the object, with a section symbol for every traced site's section
 *
 * Return: 0 on success, -1 on error.
 */
static int add_mcount_loc(struct object *o)
{
	scn_t *strs = elf_getscn(o->elf, o->shstrndx);
	size_t i, n = o->nsites, base;
	data_t *names, *rd;
	shdr_t sh;

	if (!n)
		return 0;

	/* The new names go after the existing ones */
	gelf_getshdr(strs, &sh);
	base = sh.sh_size;
	names = elf_getdata(strs, NULL) ? elf_newdata(strs) : NULL;
	if (!names)
		return elf_fail(o, "cannot extend the section names");
	names->d_buf = (void *)new_names;	/* only read */
	names->d_size = sizeof(new_names);
	names->d_type = ELF_T_BYTE;
	names->d_align = 1;
	names->d_version = EV_CURRENT;

	sh = (shdr_t){
		.sh_name = base,
		.sh_type = SHT_PROGBITS,
		.sh_flags = SHF_ALLOC,
		.sh_addralign = 8,
		.sh_entsize = 8,
	};
	if (!new_section(o, &sh, n * 8, ELF_T_BYTE))
		return elf_fail(o, "cannot add __mcount_loc");

	sh.sh_name = base + RELA_NAME_OFF;
	sh.sh_type = SHT_RELA;
	sh.sh_flags = SHF_INFO_LINK;
	sh.sh_link = o->symtab;
	sh.sh_info = o->shnum;		/* __mcount_loc, just added */
	sh.sh_entsize = sizeof(rela_t);
	rd = new_section(o, &sh, n * sizeof(rela_t), ELF_T_RELA);
	if (!rd)
		return elf_fail(o, "cannot add .rela__mcount_loc");

	for (i = 0; i < n; i++) {
		rela_t r = {
			.r_offset = i * 8,
			.r_info = GELF_R_INFO(o->secsym[o->sites[i].text], R_X86_64_64),
			.r_addend = o->sites[i].off,
		};

		if (!gelf_update_rela(rd, i, &r))
			return elf_fail(o, "cannot write .rela__mcount_loc");
	}
	return 0;
}

/* Edit the object: -1 on error, 0 if unchanged, 1 if changed */
static int edit(struct object *o, off_t size)
{
	int ret = check_object(o, size);

	if (ret <= 0)
		return ret;
	if (scan_calls(o))
		return -1;
	if (!o->nsites && !o->nopped)
		return 0;
	if (add_section_symbols(o) || add_mcount_loc(o))
		return -1;
	if (elf_update(o->elf, ELF_C_WRITE) < 0)
		return elf_fail(o, "cannot write");
	return 1;
}

/* Copy file @in to file @out */
static int copy_fd(int in, int out)
{
	char buf[65536];
	ssize_t n;

	while ((n = read(in, buf, sizeof(buf))) > 0) {
		if (write(out, buf, n) != n)
			return -1;
	}
	return n;
}

/**
 * process() - record the call sites of one object file
 * @file: its path
 *
 * Works on a temporary copy next to @file and renames it over @file only
 * once it is complete, so that @file is never left half written.
 *
 * Return: 0 on success (changed or not), -1 on error.
 */
static int process(const char *file)
{
	struct object o = { .file = file };
	size_t len = strlen(file) + sizeof(".rmcXXXXXX");
	char *tmp = malloc(len);
	int in, out = -1, ret = -1;
	struct stat st;

	in = open(file, O_RDONLY);
	if (in < 0 || fstat(in, &st)) {
		report(&o, "%s", strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode) || !tmp) {
		report(&o, "%s", tmp ? "not a regular file" : "out of memory");
		goto out;
	}
	snprintf(tmp, len, "%s.rmcXXXXXX", file);
	out = mkstemp(tmp);
	if (out < 0) {
		report(&o, "cannot create a temporary file: %s", strerror(errno));
		goto out;
	}
	if (fchmod(out, st.st_mode & 07777) || copy_fd(in, out)) {
		report(&o, "cannot copy to %s: %s", tmp, strerror(errno));
	} else {
		o.elf = elf_begin(out, ELF_C_RDWR, NULL);
		ret = o.elf ? edit(&o, st.st_size) : elf_fail(&o, "cannot read");
	}
	elf_end(o.elf);
	if (close(out) && ret > 0)
		ret = report(&o, "cannot write %s: %s", tmp, strerror(errno));
	if (ret > 0 && rename(tmp, file))
		ret = report(&o, "cannot rename %s: %s", tmp, strerror(errno));
	if (ret <= 0)
		unlink(tmp);
out:
	if (in >= 0)
		close(in);
	while (o.nbufs)
		free(o.bufs[--o.nbufs]);
	free(o.sites);
	free(o.secsym);
	free(tmp);
	return ret < 0 ? -1 : 0;
}

static void bad_usage(void)
{
	fprintf(stderr, "usage: recordmcount [-w] FILE.o...\n"
		"  -w  warn about __fentry__ calls that are not recorded\n");
	exit(2);
}

int main(int argc, char **argv)
{
	int opt, ret = 0;

	while ((opt = getopt(argc, argv, "w")) != -1) {
		if (opt != 'w')
			bad_usage();
		warn = true;
	}
	if (optind >= argc)
		bad_usage();
	if (elf_version(EV_CURRENT) == EV_NONE) {
		fprintf(stderr, "recordmcount: libelf is out of date\n");
		return 1;
	}
	for (; optind < argc; optind++)
		if (process(argv[optind]))
			ret = 1;
	return ret;
}
