using System.Text.RegularExpressions;
using Gamgyul.Tests.Chat;
using Gamgyul.Tests.Infrastructure;
using Gamgyul.Tests.Media;
using Gamgyul.Tests.Search.Indexing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Gamgyul.Tests.Web;

/// <summary>
/// A group chat in the built web client, three people in three headless Chromium contexts against the real Api on
/// Kestrel (real PostgreSQL and Redis, the chat gateway over real WebSockets, the ChatWorker storing messages, the
/// file-system media storage and the real image pipeline): create a group, talk live, rename it, leave it, send a
/// photo. Every step saves a screenshot; a failure names its step.
/// </summary>
public class GroupChatBrowserTests(ITestOutputHelper output) : BrowserTest<ApiFactory>(output)
{
    [Fact]
    public async Task A_group_is_created_talked_in_renamed_left_and_gets_a_photo_live()
    {
        using var worker = await ChatWorkerProcess.StartAsync(Factory.DatabaseConnectionString, Factory.RedisConnectionString);
        var ara = await Factory.CreateUserAsync();
        var bom = await Factory.CreateUserAsync();
        var cho = await Factory.CreateUserAsync();
        await using var araContext = await NewContextAsync();
        await using var bomContext = await NewContextAsync();
        await using var choContext = await NewContextAsync();
        var araPage = Steps.Watch(await araContext.NewPageAsync());
        var bomPage = Steps.Watch(await bomContext.NewPageAsync());
        var choPage = Steps.Watch(await choContext.NewPageAsync());
        var unique = Guid.NewGuid().ToString("N")[..8];
        var roomName = $"귤밭 모임 {unique}";
        var newName = $"수확 당번 {unique}";
        var hello = $"이번 주 토요일에 귤 따러 가요 {unique}";
        var roomPath = string.Empty;

        await Steps.RunAsync(araPage, "the first user creates a group with two others, added by handle", async () =>
        {
            await LogInAsync(araPage, ara);
            await araPage.GetByRole(AriaRole.Link, new() { Name = "채팅", Exact = true }).ClickAsync();
            await araPage.GetByRole(AriaRole.Button, new() { Name = "새 그룹 채팅" }).ClickAsync();
            var dialog = araPage.GetByRole(AriaRole.Dialog, new() { Name = "새 그룹 채팅" });
            await dialog.GetByLabel("채팅방 이름").FillAsync(roomName);
            var create = dialog.GetByRole(AriaRole.Button, new() { Name = "채팅방 만들기" });
            await Expect(create).ToBeDisabledAsync();
            foreach (var handle in new[] { bom.Handle, cho.Handle })
            {
                await dialog.GetByLabel("초대할 사람").FillAsync("@" + handle);
                await dialog.GetByRole(AriaRole.Button, new() { Name = "추가", Exact = true }).ClickAsync();
                await Expect(dialog.GetByTestId("group-picked").GetByText("@" + handle)).ToBeVisibleAsync();
            }

            // A handle nobody has is said so, and adds nobody.
            await dialog.GetByLabel("초대할 사람").FillAsync("@nobody_" + unique);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "추가", Exact = true }).ClickAsync();
            await Expect(dialog.GetByText("그런 아이디의 사용자가 없어요.")).ToBeVisibleAsync();
            await Expect(dialog.GetByText("초대한 사람 2명")).ToBeVisibleAsync();

            await create.ClickAsync();
            await Expect(araPage).ToHaveURLAsync(new Regex("/messages/[0-9a-f-]{36}$"));
            await Expect(araPage.GetByRole(AriaRole.Heading, new() { Name = roomName })).ToBeVisibleAsync();
            roomPath = new Uri(araPage.Url).AbsolutePath;
            await Expect(araPage.GetByTestId("chat-connection")).ToHaveCountAsync(0);
        });

        await Steps.RunAsync(bomPage, "a member sees the group in the chat list and opens it", async () =>
        {
            await LogInAsync(bomPage, bom);
            await bomPage.GetByRole(AriaRole.Link, new() { Name = "채팅", Exact = true }).ClickAsync();
            await bomPage.GetByTestId("chat-room").Filter(new() { HasText = roomName }).ClickAsync();
            await Expect(bomPage.GetByRole(AriaRole.Heading, new() { Name = roomName })).ToBeVisibleAsync();
            await Expect(bomPage.GetByTestId("chat-connection")).ToHaveCountAsync(0);
        });

        await Steps.RunAsync(bomPage, "a message from the creator appears live for the member", async () =>
        {
            await araPage.GetByLabel("메시지", new() { Exact = true }).FillAsync(hello);
            await araPage.GetByRole(AriaRole.Button, new() { Name = "보내기" }).ClickAsync();
            await Expect(bomPage.GetByTestId("chat-message").Filter(new() { HasText = hello })).ToHaveCountAsync(1);
            await Expect(araPage.GetByTestId("chat-message").Filter(new() { HasText = hello })).ToHaveCountAsync(1);
        });

        await Steps.RunAsync(araPage, "the owner renames the room and the member sees the new name live", async () =>
        {
            await araPage.GetByRole(AriaRole.Button, new() { Name = "채팅방 정보" }).ClickAsync();
            var dialog = araPage.GetByRole(AriaRole.Dialog, new() { Name = "채팅방 정보" });
            await Expect(dialog.GetByText("참여자 3명")).ToBeVisibleAsync();
            await Expect(dialog.GetByTestId("room-members").GetByTestId("user-row")).ToHaveCountAsync(3);
            await dialog.GetByLabel("채팅방 이름").FillAsync(newName);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "이름 바꾸기" }).ClickAsync();
            await Expect(dialog.GetByText("이름을 바꿨어요.")).ToBeVisibleAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "닫기" }).ClickAsync();
            await Expect(araPage.GetByRole(AriaRole.Heading, new() { Name = newName })).ToBeVisibleAsync();
            await Expect(bomPage.GetByRole(AriaRole.Heading, new() { Name = newName })).ToBeVisibleAsync();
            await Expect(bomPage.GetByTestId("chat-message").Filter(new() { HasText = newName })).ToHaveCountAsync(1);
        });

        await Steps.RunAsync(choPage, "the third member leaves the room", async () =>
        {
            await LogInAsync(choPage, cho);
            await choPage.GotoAsync(roomPath);
            await Expect(choPage.GetByRole(AriaRole.Heading, new() { Name = newName })).ToBeVisibleAsync();
            await choPage.GetByRole(AriaRole.Button, new() { Name = "채팅방 정보" }).ClickAsync();
            var dialog = choPage.GetByRole(AriaRole.Dialog, new() { Name = "채팅방 정보" });
            // Only the owner is offered the rename.
            await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "이름 바꾸기" })).ToHaveCountAsync(0);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "채팅방 나가기" }).ClickAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "나가기", Exact = true }).ClickAsync();
            await Expect(choPage).ToHaveURLAsync(new Regex("/messages$"));
            await Expect(choPage.GetByRole(AriaRole.Heading, new() { Name = "채팅", Exact = true })).ToBeVisibleAsync();
            await Expect(choPage.GetByTestId("chat-room").Filter(new() { HasText = newName })).ToHaveCountAsync(0);
            await Expect(bomPage.GetByTestId("chat-message").Filter(new() { HasText = $"{cho.Handle}님이 나갔습니다." })).ToHaveCountAsync(1);
        });

        await Steps.RunAsync(choPage, "the one who left cannot open the room any more", async () =>
        {
            await choPage.GotoAsync(roomPath);
            await Expect(choPage.GetByText("채팅방을 찾을 수 없어요.")).ToBeVisibleAsync();
        });

        await Steps.RunAsync(araPage, "the owner attaches a photo: it uploads with the purpose chat and becomes ready", async () =>
        {
            await araPage.GetByTestId("chat-image-input").SetInputFilesAsync(new FilePayload
            {
                Name = "gyul.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(800, 600),
            });
            await Expect(araPage.GetByTestId("chat-attachment")).ToHaveAttributeAsync("data-phase", "ready", new() { Timeout = 60_000 });
            await araPage.GetByRole(AriaRole.Button, new() { Name = "보내기" }).ClickAsync();
            await Expect(araPage.GetByTestId("chat-attachment")).ToHaveCountAsync(0);
        });

        await Steps.RunAsync(bomPage, "the member sees the photo live, loaded from its signed URL", async () =>
        {
            var frame = bomPage.GetByTestId("chat-message").GetByTestId("chat-image");
            var photo = frame.Locator("img");
            await Expect(photo).ToHaveCountAsync(1);
            // The message brought the photo's BlurHash (image_details), shown until the photo has loaded.
            await Expect(frame).ToHaveAttributeAsync("data-placeholder", "yes");
            await photo.ScrollIntoViewIfNeededAsync();
            await Eventually.HoldsAsync(async () => await photo.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0") > 0,
                "the photo has loaded in the member's browser");
            // The sender sees it once too: the optimistic copy became the stored message.
            await Expect(araPage.GetByTestId("chat-message").GetByTestId("chat-image")).ToHaveCountAsync(1);
            await Eventually.HoldsAsync(async () =>
            {
                await using var db = Factory.CreateDbContext();
                return await db.ChatMessages.CountAsync(m => m.MediaId != null) == 1;
            }, "the photo message is stored with its media");
        });

        Steps.AssertNoPageErrors();
    }
}
