using System.Globalization;

namespace Gamgyul.Bench.Social;

/// <summary>CPU time (user + system) a process has used so far, from <c>/proc/&lt;pid&gt;/stat</c>; 0 when unknown.</summary>
internal static class ProcessCpu
{
    // Clock ticks per second of /proc (USER_HZ); 100 on every Linux this runs on.
    private const double TicksPerSecond = 100;

    public static double Seconds(int pid)
    {
        if (pid <= 0 || !File.Exists($"/proc/{pid}/stat"))
        {
            return 0;
        }

        // The command name (field 2) may hold spaces; the fields after its closing parenthesis are plain.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // utime and stime are fields 14 and 15 of the whole line, so 12 and 13 after the name.
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }
}
