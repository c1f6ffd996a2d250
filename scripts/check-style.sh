#!/usr/bin/env bash
# House style (issue 11): no line over 140 characters. dotnet format does not enforce .editorconfig's max_line_length,
# so this does, for the .cs, .razor, .sh and .js files tracked by git under src/, tests/, scripts/ and docs/.
# Not checked: dotnet-ef migrations and any file .editorconfig marks generated_code = true (nobody writes them by hand),
# node_modules and wwwroot/lib (vendored), and .json and .md: the UI text catalogs hold one sentence per JSON string
# and the docs hold Markdown tables, neither of which can be wrapped (43 and 35 such lines when this was written).
# Usage: scripts/check-style.sh [FILE...]   (default: every tracked file; with FILEs, only those that would be checked)
# Exit 1 and one "file:line: N characters" per line that is too long.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$#" -gt 0 ]; then
  files() { printf '%s\0' "$@"; }
else
  files() { git ls-files -z -- src tests scripts docs; }
fi

# Characters, not bytes: Finnish and Swedish text has ä, ö and å. Perl is part of every Debian and Ubuntu base system.
files "$@" | MAX_LINE=140 perl -CSD -0 -e '
  use strict; use warnings;
  my $max = $ENV{MAX_LINE};
  sub glob_part {
    my ($t) = @_;
    return ".*" if $t eq "**";
    return "[^/]*" if $t eq "*";
    return "[^/]" if $t eq "?";
    return "(?:" . join("|", map { quotemeta } split /,/, $1) . ")" if $t =~ /^\{(.*)\}$/;
    return quotemeta $t;
  }

  # Editorconfig globs of the sections that say generated_code = true, as regular expressions on "/relative/path".
  my @generated = (qr{/Migrations/(?:Sqlite|Postgres)/[^/]*\.cs$});
  if (open my $ec, "<", ".editorconfig") {
    local $/ = "\n";
    my $glob;
    while (<$ec>) {
      if (/^\s*\[(.+)\]\s*$/) { $glob = $1; next; }
      next unless defined $glob && /^\s*generated_code\s*=\s*true\s*$/i;
      my $re = $glob;
      $re =~ s/(\*\*|\*|\?|\{[^}]*\}|[^*?{]+)/glob_part($1)/ge;
      # A glob without a slash matches the file name in any folder, as in editorconfig.
      push @generated, $glob =~ m{/} ? qr{^/?$re$} : qr{/$re$};
    }
  }

  my $bad = 0;
  local $/ = "\0";
  while (my $file = <STDIN>) {
    chomp $file;
    next unless $file =~ /\.(?:cs|razor|sh|js)$/;
    next if $file =~ m{(?:^|/)(?:node_modules|wwwroot/lib)/} || $file =~ /\.min\.js$/;
    next if grep { "/$file" =~ $_ } @generated;
    next unless -f $file;
    open my $in, "<:encoding(UTF-8)", $file or die "$file: $!\n";
    local $/ = "\n";
    while (my $line = <$in>) {
      $line =~ s/\r?\n\z//;
      if (length($line) > $max) { print "$file:$.: ", length($line), " characters\n"; $bad++; }
    }
    close $in;
  }
  if ($bad) { print STDERR "$bad line(s) over $max characters: wrap them (house style, .editorconfig max_line_length).\n"; exit 1; }
'
