using System.Text.RegularExpressions;
using Gamgyul.Tests.Infrastructure;
using Gamgyul.Tests.Media;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Gamgyul.Tests.Web;

/// <summary>
/// The built web client in headless Chromium against the real Api (Kestrel, PostgreSQL, Redis, file-system media
/// storage and the real image pipeline): a new user edits the profile (name, handle, about, an uploaded avatar that
/// then shows), lists a product with a photo and a store link (a private-network link is refused by the Api and the
/// refusal is shown), finds it on the market and its page, changes its price, and likes a post that then shows in the
/// profile's liked tab, and finally deletes the product after a confirmation. Every step saves a screenshot; a failure
/// names its step.
/// </summary>
public class ProfileAndMarketBrowserTests(ITestOutputHelper output) : BrowserTest<ApiFactory>(output)
{
    [Fact]
    public async Task Edit_the_profile_with_an_avatar_sell_a_product_change_its_price_and_see_a_liked_post()
    {
        await using var context = await NewContextAsync();
        var page = Steps.Watch(await context.NewPageAsync());
        var unique = Guid.NewGuid().ToString("N")[..8];
        var handle = $"gyul_{unique}";
        var bio = $"제주에서 귤 키워요 {unique}";
        var productName = $"제주 감귤 5kg {unique}";
        var postText = $"오늘 수확 {unique}";

        await Steps.RunAsync(page, "sign up", async () =>
        {
            await page.GotoAsync("/signup");
            await page.GetByLabel("이메일 주소").FillAsync($"web_{unique}@example.test");
            await page.GetByLabel("이름").FillAsync($"귤농부 {unique}");
            await page.GetByLabel("비밀번호", new() { Exact = true }).FillAsync(ApiFactoryUserExtensions.DefaultPassword);
            await page.GetByLabel("비밀번호 확인").FillAsync(ApiFactoryUserExtensions.DefaultPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "회원가입", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "로그아웃" })).ToBeVisibleAsync();
        });

        await Steps.RunAsync(page, "open the own profile and its edit page", async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "프로필", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "프로필 수정" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(BaseUrl + "/settings/profile");
            await Expect(page.GetByLabel("이름")).ToHaveValueAsync($"귤농부 {unique}");
        });

        await Steps.RunAsync(page, "a handle the Api refuses is explained at its field", async () =>
        {
            // "admin" has a valid form, so only the Api's reserved-word rule refuses it.
            await page.GetByLabel("계정 ID").FillAsync("admin");
            await page.GetByRole(AriaRole.Button, new() { Name = "저장", Exact = true }).ClickAsync();
            await Expect(page.GetByText("This handle is reserved.")).ToBeVisibleAsync();
            await Expect(page).ToHaveURLAsync(BaseUrl + "/settings/profile");
        });

        await Steps.RunAsync(page, "pick an avatar: uploaded, processed, ready", async () =>
        {
            await page.GetByTestId("image-input").SetInputFilesAsync(new FilePayload
            {
                Name = "me.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(640, 640),
            });
            await Expect(page.GetByTestId("upload-item")).ToHaveAttributeAsync("data-phase", "ready");
        });

        await Steps.RunAsync(page, "save name, handle and about: the profile shows them and the avatar", async () =>
        {
            await page.GetByLabel("이름").FillAsync($"귤부자 {unique}");
            await page.GetByLabel("계정 ID").FillAsync(handle);
            await page.GetByLabel("소개").FillAsync(bio);
            await page.GetByRole(AriaRole.Button, new() { Name = "저장", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync($"{BaseUrl}/users/{handle}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"귤부자 {unique}" })).ToBeVisibleAsync();
            await Expect(page.GetByText(bio)).ToBeVisibleAsync();
            var avatar = page.Locator(".profile img.avatar");
            await Expect(avatar).ToHaveAttributeAsync("src", new Regex("/images/[0-9a-f-]{36}/display/"));
            // Loaded for real: the display URL redirects to a signed variant the Api serves.
            await Expect(avatar).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await avatar.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the avatar did not load");
        });

        await Steps.RunAsync(page, "open the product form from the market", async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "마켓", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "상품 등록" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(BaseUrl + "/market/new");
        });

        await Steps.RunAsync(page, "the form's own checks: too short a name, a negative price, a javascript: link", async () =>
        {
            await page.GetByLabel("상품명").FillAsync("귤");
            await page.GetByLabel("가격 (원)").FillAsync("-100");
            await page.GetByLabel("판매 링크").FillAsync("javascript:alert(1)");
            await page.GetByRole(AriaRole.Button, new() { Name = "등록", Exact = true }).ClickAsync();
            await Expect(page.GetByText("상품명은 2~100자여야 해요.")).ToBeVisibleAsync();
            await Expect(page.GetByText("가격은 0원 이상이어야 해요.")).ToBeVisibleAsync();
            await Expect(page.GetByText("http:// 또는 https:// 로 시작하는 올바른 주소를 입력해 주세요.")).ToBeVisibleAsync();
            await Expect(page).ToHaveURLAsync(BaseUrl + "/market/new");
        });

        await Steps.RunAsync(page, "a store link on a private network is refused by the Api, and the refusal is shown", async () =>
        {
            await page.GetByLabel("상품명").FillAsync(productName);
            await page.GetByLabel("가격 (원)").FillAsync("15,000");
            await page.GetByLabel("판매 링크").FillAsync("http://intranet/shop");
            await page.GetByLabel("설명").FillAsync("새콤달콤한 노지 감귤");
            await page.GetByTestId("image-input").SetInputFilesAsync(new FilePayload
            {
                Name = "gyul.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(800, 600),
            });
            await Expect(page.GetByTestId("upload-item")).ToHaveAttributeAsync("data-phase", "ready");
            await page.GetByRole(AriaRole.Button, new() { Name = "등록", Exact = true }).ClickAsync();
            await Expect(page.GetByText("The store link must be a public http or https URL.")).ToBeVisibleAsync();
            await Expect(page).ToHaveURLAsync(BaseUrl + "/market/new");
        });

        var productUrl = string.Empty;
        await Steps.RunAsync(page, "list it with a public link: its page shows name, price, photo and the store link", async () =>
        {
            await page.GetByLabel("판매 링크").FillAsync($"https://store.example.com/gyul-{unique}");
            await page.GetByRole(AriaRole.Button, new() { Name = "등록", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/market/[0-9a-f-]{36}$"));
            productUrl = page.Url;
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = productName })).ToBeVisibleAsync();
            await Expect(page.GetByText("₩15,000")).ToBeVisibleAsync();
            var store = page.GetByRole(AriaRole.Link, new() { Name = "판매처에서 보기" });
            await Expect(store).ToHaveAttributeAsync("href", $"https://store.example.com/gyul-{unique}");
            await Expect(store).ToHaveAttributeAsync("rel", "noopener noreferrer");
            var image = page.Locator(".product__image");
            await Expect(image).ToHaveCountAsync(1);
            await Expect(image).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await image.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the product's image did not load");
        });

        await Steps.RunAsync(page, "the product is on the market list", async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "마켓", Exact = true }).ClickAsync();
            var card = page.GetByTestId("product").Filter(new() { HasText = productName });
            await Expect(card.First).ToBeVisibleAsync();
            await Expect(card.First).ToContainTextAsync("₩15,000");
        });

        await Steps.RunAsync(page, "edit its price: the product page shows the new one", async () =>
        {
            await page.GetByTestId("product").Filter(new() { HasText = productName }).First.ClickAsync();
            await Expect(page).ToHaveURLAsync(productUrl);
            await page.GetByRole(AriaRole.Link, new() { Name = "상품 수정" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(productUrl + "/edit");
            var price = page.GetByLabel("가격 (원)");
            await Expect(price).ToHaveValueAsync("15,000");
            await Expect(page.GetByTestId("upload-item")).ToHaveCountAsync(1);
            await price.FillAsync("12000");
            await page.GetByRole(AriaRole.Button, new() { Name = "저장", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(productUrl);
            await Expect(page.GetByText("₩12,000")).ToBeVisibleAsync();
            await Expect(page.Locator(".product__image")).ToHaveCountAsync(1);
        });

        await Steps.RunAsync(page, "the market list shows the new price too", async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "마켓", Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("product").Filter(new() { HasText = productName }).First).ToContainTextAsync("₩12,000");
        });

        await Steps.RunAsync(page, "write a post and like it in the feed; the for-you tab answers", async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "글쓰기" }).ClickAsync();
            await page.GetByLabel("내용").FillAsync(postText);
            await page.GetByRole(AriaRole.Button, new() { Name = "게시", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/posts/[0-9a-f-]{36}$"));
            await page.GetByRole(AriaRole.Link, new() { Name = "홈" }).ClickAsync();
            var forYou = page.GetByRole(AriaRole.Tab, new() { Name = "추천" });
            await forYou.ClickAsync();
            await Expect(forYou).ToHaveAttributeAsync("aria-selected", "true");
            // The personal list answered (posts, or the empty state), not the error state.
            await Expect(page.Locator("[data-testid=post], .state--empty").First).ToBeVisibleAsync();
            await Expect(page.Locator(".state--error")).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Tab, new() { Name = "팔로잉" }).ClickAsync();
            var inFeed = page.GetByTestId("post").Filter(new() { HasText = postText });
            await inFeed.GetByRole(AriaRole.Button, new() { Name = "좋아요", Exact = true }).ClickAsync();
            var unlike = inFeed.GetByRole(AriaRole.Button, new() { Name = "좋아요 취소" });
            await Expect(unlike).ToBeEnabledAsync();
            await Expect(unlike).ToHaveAttributeAsync("aria-pressed", "true");
        });

        await Steps.RunAsync(page, "the liked post is in the profile's liked tab", async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "프로필", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync($"{BaseUrl}/users/{handle}");
            await page.GetByRole(AriaRole.Tab, new() { Name = "좋아요" }).ClickAsync();
            var liked = page.GetByTestId("post").Filter(new() { HasText = postText });
            await Expect(liked).ToHaveCountAsync(1);
            await Expect(liked.GetByRole(AriaRole.Button, new() { Name = "좋아요 취소" })).ToHaveAttributeAsync("aria-pressed", "true");
        });

        await Steps.RunAsync(page, "delete the product after confirming: gone from the market", async () =>
        {
            await page.GotoAsync(productUrl + "/edit");
            await page.GetByRole(AriaRole.Button, new() { Name = "상품 삭제" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "상품 삭제" });
            await Expect(dialog).ToBeVisibleAsync();
            await Expect(dialog.GetByText("이 상품을 삭제할까요? 되돌릴 수 없어요.")).ToBeVisibleAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "삭제", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(BaseUrl + "/market");
            // The list has loaded (other products, or its empty state) before the product's absence counts.
            await Expect(page.Locator("[data-testid=product], .state--empty").First).ToBeVisibleAsync();
            await Expect(page.GetByTestId("product").Filter(new() { HasText = productName })).ToHaveCountAsync(0);
            await page.GotoAsync(productUrl);
            await Expect(page.GetByText("페이지를 찾을 수 없습니다")).ToBeVisibleAsync();
        });

        Steps.AssertNoPageErrors();
    }
}
