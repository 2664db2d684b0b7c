using System.Diagnostics;
using Gamgyul.Media.Imaging;
using NetVips;

// Variants per second of Gamgyul's pipeline (header checks, orientation, one decode, three widths in WebP
// and JPEG, BlurHash) against the bare libvips loop that only decodes, resizes and encodes the same
// variants; and the peak memory of processing one 24-megapixel photo.
var seconds = args.Length > 0 && double.TryParse(args[0], System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 20;
var options = new ImagePipelineOptions();
var pipeline = new ImagePipeline(options);
var folder = Directory.CreateTempSubdirectory("gamgyul-bench-media").FullName;
try
{
    var photo = Path.Combine(folder, "photo-12mp.jpg");
    var large = Path.Combine(folder, "photo-24mp.jpg");
    MakePhoto(photo, 4000, 3000);
    MakePhoto(large, 6000, 4000);
    Console.WriteLine($"libvips {NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}, {Environment.ProcessorCount} cores");
    Console.WriteLine($"input: 4000x3000 JPEG ({new FileInfo(photo).Length / 1024} KiB), widths {string.Join("/", options.VariantWidths)}, WebP q{options.WebpQuality} + JPEG q{options.JpegQuality}");

    // Peak memory first, while the high-water mark (VmHWM) only holds start-up and the test images' writing.
    var before = PeakResidentKiB();
    var started = Stopwatch.StartNew();
    var result = pipeline.Process(large, ImageFormat.Jpeg);
    Console.WriteLine($"24 MP (6000x4000) photo: {result.Variants.Count} variants in {started.ElapsedMilliseconds} ms; " +
        $"peak resident set {PeakResidentKiB() / 1024} MiB (was {before / 1024} MiB before it; decoded RGB would be {6000 * 4000 * 3 / 1024 / 1024} MiB)");

    // Warm-up, then alternate the two loops so machine load hits both alike.
    pipeline.Process(photo, ImageFormat.Jpeg);
    Bare(photo, options);
    double pipelineVariants = 0, bareVariants = 0, pipelineTime = 0, bareTime = 0;
    var deadline = Stopwatch.StartNew();
    while (deadline.Elapsed.TotalSeconds < seconds)
    {
        var watch = Stopwatch.StartNew();
        pipelineVariants += pipeline.Process(photo, ImageFormat.Jpeg).Variants.Count;
        pipelineTime += watch.Elapsed.TotalSeconds;
        watch.Restart();
        bareVariants += Bare(photo, options);
        bareTime += watch.Elapsed.TotalSeconds;
    }

    var ours = pipelineVariants / pipelineTime;
    var bare = bareVariants / bareTime;
    Console.WriteLine($"pipeline: {ours:0.0} variants/s ({pipelineVariants} variants in {pipelineTime:0.0} s)");
    Console.WriteLine($"bare libvips loop: {bare:0.0} variants/s ({bareVariants} variants in {bareTime:0.0} s)");
    Console.WriteLine($"ratio: {ours / bare:0.00} (goal >= 0.70)");

}
finally
{
    Directory.Delete(folder, recursive: true);
}

// Decode (shrink-on-load), resize to each width, encode WebP and JPEG: libvips alone, no checks.
static int Bare(string path, ImagePipelineOptions options)
{
    var count = 0;
    foreach (var width in options.VariantWidths)
    {
        // Decoded once into memory: a sequential thumbnail cannot be encoded twice from the file.
        using var streamed = Image.Thumbnail(path, width, height: 10_000_000);
        using var image = streamed.CopyMemory();
        _ = image.WebpsaveBuffer(q: options.WebpQuality);
        _ = image.JpegsaveBuffer(q: options.JpegQuality);
        count += 2;
    }

    return count;
}

static void MakePhoto(string path, int width, int height)
{
    // Smooth gradients plus fine detail, like a photo of fruit on a market stall.
    using var xy = Image.Xyz(width, height);
    using var x = xy[0];
    using var y = xy[1];
    using var r = x * (255.0 / width);
    using var g = y * (255.0 / height);
    using var b = ((x * 13 + y * 7) % 64) + 96;
    using var rgb = r.Bandjoin(g, b).Cast(Enums.BandFormat.Uchar);
    rgb.Jpegsave(path, q: 92);
}

static long PeakResidentKiB()
{
    var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
}
