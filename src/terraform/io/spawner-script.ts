/**
 * The spawner: a small Perl process that forks and execs commands for the run.
 * Node's own spawn forks the whole Node process, which costs more the bigger
 * its heap (1 ms at 45 MB, 3 ms at 180 MB, 6.5 ms at 450 MB of RSS on the
 * bench machine), on the event loop, for every command. Perl is part of every
 * Linux distribution's base (Debian's perl-base is essential) and of macOS;
 * where it is missing the run spawns directly (spawner.ts).
 *
 * Requests on stdin, fields separated by NUL (no field holds a NUL):
 *   id, cwd, out, err, mode, n, n x change, m, m x argv (argv[0] the tool)
 * where the changes turn the environment of the request before (the first:
 * an empty one) into this one's: "NAME=value" sets, "NAME" removes.
 * mode "w": stdout to `out`, stderr to `err`, both new private files (0600);
 * mode "a": stdout and stderr interleaved, appended to `out` (a live log).
 * Replies on stdout, a line each: "R" ready, "S id pid [start]" started (the
 * Python spawner adds the /proc start time),
 * "F id reason" could not start, "E id code" or "E id sig N" ended.
 * The command gets exactly the given environment, stdin from /dev/null, and the
 * default signal dispositions. No shell anywhere: argv goes to execvp as is.
 * When stdin ends with commands still running (the Node process died), they
 * get SIGINT, as a recovering run would send them, and the spawner exits once
 * they have ended.
 * Per request the parent only forks: whether the exec worked is read from the
 * child's fail pipe in the select loop, so the next request does not wait for
 * this child to reach exec (1,000 spawns of /bin/true with 4 in flight on the
 * bench machine: 2.0-3.5 -> 0.9-1.4 ms each).
 */
export const SPAWNER_SCRIPT = String.raw`
use strict; use warnings; use POSIX ();
use Fcntl qw(O_WRONLY O_CREAT O_TRUNC O_APPEND O_NONBLOCK F_GETFL F_SETFL);
$SIG{INT} = $SIG{TERM} = 'IGNORE';  # the Node process decides what to stop
pipe(my $wake_r, my $wake_w) or die "pipe: $!";
for my $h ($wake_r, $wake_w) { fcntl($h, F_SETFL, fcntl($h, F_GETFL, 0) | O_NONBLOCK) }
$SIG{CHLD} = sub { syswrite($wake_w, 'x') };  # wakes the select below (self-pipe)
my (%running, %starting, @fields, %env);  # %env: the environment of the last request
my ($partial, $eof) = ('', 0);
sub reply { my $line = "$_[0]\n"; while (length $line) { my $n = syswrite(STDOUT, $line); if (!defined $n) { next if $!{EINTR}; POSIX::_exit(1) } substr($line, 0, $n) = '' } }
sub reap {
  while ((my $pid = waitpid(-1, POSIX::WNOHANG())) > 0) {
    settle($pid, 1) if $starting{$pid};  # it ended before its start was told: S (or F) first
    my $id = delete $running{$pid};
    next unless defined $id;
    reply(($? & 127) ? "E $id sig " . ($? & 127) : "E $id " . ($? >> 8));
  }
}
sub start {
  my ($id, $cwd, $out, $err, $mode, $env, $argv) = @_;
  pipe(my $fail_r, my $fail_w) or return reply("F $id pipe: $!");  # close-on-exec: EOF when exec succeeds
  my $pid = fork();
  return reply("F $id fork: $!") unless defined $pid;
  if ($pid == 0) {
    close $fail_r;
    $SIG{$_} = 'DEFAULT' for qw(INT TERM CHLD PIPE);
    my $fail = sub { syswrite($fail_w, "$_[0]: $!"); POSIX::_exit(127) };
    chdir($cwd) or $fail->("cannot enter $cwd");
    open(STDIN, '<', '/dev/null') or $fail->('cannot read /dev/null');
    if ($mode eq 'a') {
      sysopen(my $log, $out, O_WRONLY | O_APPEND | O_CREAT, 0666) or $fail->("cannot write $out");
      open(STDOUT, '>&', $log) or $fail->("cannot write $out");
      open(STDERR, '>&', $log) or $fail->("cannot write $out");
    } else {
      sysopen(STDOUT, $out, O_WRONLY | O_CREAT | O_TRUNC, 0600) or $fail->("cannot write $out");
      sysopen(STDERR, $err, O_WRONLY | O_CREAT | O_TRUNC, 0600) or $fail->("cannot write $err");
    }
    %ENV = %$env;
    { no warnings 'exec'; exec { $argv->[0] } @$argv; }
    $fail->("cannot run $argv->[0]");
  }
  close $fail_w;
  # The exec's outcome comes later, through the select loop: other requests need not wait for it.
  $running{$pid} = $id;
  $starting{$pid} = [$fail_r, ''];
}
# Reads what the child wrote on its fail pipe; at EOF replies S (exec done) or F (it could not start).
sub settle {
  my ($pid, $block) = @_;
  my $s = $starting{$pid};
  while (1) {
    my $n = sysread($s->[0], $s->[1], 4096, length $s->[1]);
    next if !defined $n && $!{EINTR};
    return 0 if !$block && defined $n && $n > 0;  # more may follow: back to select
    last;
  }
  delete $starting{$pid};
  close $s->[0];
  my $id = $running{$pid};
  if (length $s->[1]) { delete $running{$pid}; waitpid($pid, 0); (my $why = $s->[1]) =~ s/\n/ /g; reply("F $id $why"); return 1 }
  reply("S $id $pid");
  return 1;
}
sub take_request {
  return unless @fields >= 6;
  my $n = $fields[5];
  return unless @fields >= 7 + $n;
  my $m = $fields[6 + $n];
  return unless @fields >= 7 + $n + $m;
  my @head = splice(@fields, 0, 5);
  shift @fields;
  for (splice(@fields, 0, $n)) { my $i = index($_, '='); if ($i < 0) { delete $env{$_} } else { $env{substr($_, 0, $i)} = substr($_, $i + 1) } }
  shift @fields;
  my @argv = splice(@fields, 0, $m);
  return [@head, \%env, \@argv];  # started before the next request changes it
}
reply('R');
while (1) {
  reap();
  last if $eof && !%running;
  my $rin = '';
  vec($rin, fileno($wake_r), 1) = 1;
  vec($rin, fileno(STDIN), 1) = 1 unless $eof;
  vec($rin, fileno($_->[0]), 1) = 1 for values %starting;
  my $ready = select(my $rout = $rin, undef, undef, undef);
  next if $ready <= 0;
  if (vec($rout, fileno($wake_r), 1)) { 1 while sysread($wake_r, my $drop, 512) }
  for my $pid (keys %starting) { settle($pid, 0) if $starting{$pid} && vec($rout, fileno($starting{$pid}[0]), 1) }
  next if $eof || !vec($rout, fileno(STDIN), 1);
  my $got = sysread(STDIN, my $chunk, 65536);
  next if !defined $got && $!{EINTR};
  if (!$got) {
    $eof = 1;
    kill 'INT', keys %running;  # the Node process is gone: stop what it started
    next;
  }
  my @parts = split /\0/, $partial . $chunk, -1;
  $partial = pop @parts;
  push @fields, @parts;
  while (my $request = take_request()) { start(@$request) }
}
`
