## General
error-unavailable = سامانه موقتاً در دسترس نیست. چیزی از آنچه وارد کرده‌اید از دست نرفته است؛ لطفاً چند دقیقه دیگر دوباره تلاش کنید.
error-unexpected = متأسفانه خطایی رخ داد. اطلاعات شما محفوظ است؛ لطفاً دوباره تلاش کنید.
error-rate-limited = پیام‌های شما سریع‌تر از آن می‌رسد که بتوانیم بخوانیم. لطفاً چند ثانیه صبر کنید و سپس ادامه دهید؛ آنچه در این فاصله فرستاده‌اید خوانده نشده است.
error-not-allowed = شما اجازه این کار را ندارید.
error-not-found = این مورد پیدا نشد یا در دسترس شما نیست.
button-back = « بازگشت
button-cancel = ✖ انصراف
button-skip = صرف‌نظر
button-done = ✔ تمام
button-confirm = ✔ تأیید
button-edit = ✏ ویرایش
button-next = بعدی »
button-previous = « قبلی
cancel-done = لغو شد. هر وقت خواستید از منو دوباره شروع کنید.
cancel-nothing = کاری در جریان نیست که لغو شود.
expected-button = لطفاً یکی از گزینه‌ها را با دکمه‌ها انتخاب کنید.
flow-stale = این مرحله مربوط به نسخهٔ پیشین بات بود و پایان یافت. لطفاً از منو دوباره شروع کنید.

## Start and menu
start-welcome =
    سلام { $name }!
    این بات دبیرخانه کارگروه تسهیل و رفع موانع تولید است. اگر واحد تولیدی شما با اخطاریه قطع (برق، گاز، آب)، تسهیلات معوق، مجوز یا استعلام معطل یا هر مانع دیگری روبه‌روست، پیش از آنکه مشکل غیرقابل‌بازگشت شود آن را اینجا ثبت کنید؛ پرونده شما با کد رهگیری به دبیرخانه کارگروه می‌رسد و هر مرحله را به شما خبر می‌دهیم.
    برای شروع، واحد تولیدی خود را ثبت کنید.
start-welcome-back = { $name } عزیز، خوش آمدید.
start-flow-in-progress = کار نیمه‌تمامی دارید؛ همه آنچه وارد کرده‌اید محفوظ است. از همان‌جا ادامه دهید یا با /cancel لغو کنید.
fallback-hint = متوجه نشدم. از منوی زیر انتخاب کنید یا /help را بفرستید.
fallback-button-inactive = این دکمه دیگر فعال نیست.
help-text =
    راهنما:
    /report — ثبت مشکل
    /cases — پرونده‌های من
    /register — ثبت واحد تولیدی
    /language — تغییر زبان
    /cancel — لغو کار جاری
    /start — شروع و منوی اصلی · /help — همین راهنما
    در هر مرحله می‌توانید با دکمه «بازگشت» به قدم قبل برگردید.
menu-title = منوی اصلی:
menu-report = 📝 ثبت مشکل
menu-my-cases = 📂 پرونده‌های من
menu-register-unit = 🏭 ثبت واحد تولیدی
menu-language = 🌐 زبان / Language
language-choose = زبان را انتخاب کنید / Choose your language:
language-changed = زبان به فارسی تغییر کرد.

## Commands (the menu next to the input field; src/bot/commands.ts)
staff-only =
    شما اجازه این کار را ندارید.
    /{ $command } — { $purpose }: ابزار کارکنان کارگروه استانی.
    دسترسی با دعوت‌نامه داده می‌شود: دبیرخانه کارگروه (یا مدیر سامانه) پیوند دعوت برایتان می‌فرستد و با باز کردن آن نقش به شما داده می‌شود. اگر باید این دسترسی را داشته باشید، از دبیرخانه کارگروه استان خود بخواهید.
    برای گزارش مشکل: /report · پرونده‌های شما: /cases
command-start = شروع و منوی اصلی
command-report = ثبت مشکل
command-cases = پرونده‌های من
command-register = ثبت واحد تولیدی
command-language = تغییر زبان
command-help = راهنما
command-cancel = لغو کار در حال انجام
command-queue = صف پرونده‌ها (دبیرخانه)
command-tasks = اقدامات دستگاه من (نماینده دستگاه)
command-meetings = جلسات (دبیرخانه)
command-resolutions = مصوبات و پیگیری آن‌ها
command-broadcast = اطلاع‌رسانی همگانی (دبیرخانه)
command-invite = دعوت عضو جدید (مدیر سامانه، دبیرخانه)
command-members = اعضا و نقش‌ها (مدیر سامانه، دبیرخانه)
command-invitations = دعوت‌نامه‌های صادرشده (مدیر سامانه، دبیرخانه)

## Registration
expected-text = لطفاً پاسخ را به صورت متن بنویسید.
register-intro = ثبت واحد تولیدی: چند سؤال کوتاه می‌پرسیم. در هر مرحله «بازگشت» یا /cancel در دسترس است.
register-ask-phone = برای شروع، شماره همراه خودتان را با دکمه زیر به اشتراک بگذارید (فقط شماره خود شما پذیرفته می‌شود).
register-share-phone = 📱 ارسال شماره همراه من
register-phone-use-button = لطفاً شماره را با دکمه «ارسال شماره همراه من» بفرستید؛ تایپ شماره پذیرفته نیست.
register-phone-not-own = این شماره متعلق به خود شما نیست. لطفاً شماره همراه خودتان را با دکمه زیر بفرستید.
register-phone-invalid = این شماره همراه ایرانی معتبر نیست (باید به شکل ۰۹… یا ‎+۹۸۹… باشد).
register-phone-saved = شماره همراه شما ثبت شد.
register-ask-name = نام واحد تولیدی را بنویسید (مثلاً: شرکت صنایع غذایی البرز).
register-name-invalid = نام واحد باید بین { $min } تا { $max } نویسه باشد.
register-ask-legal-id = شناسه ملی واحد (۱۱ رقم) را بنویسید. ارقام فارسی یا انگلیسی هر دو پذیرفته می‌شوند.
register-legal-id-format = شناسه ملی باید دقیقاً ۱۱ رقم باشد.
register-legal-id-checksum = این شناسه ملی معتبر نیست (رقم کنترل آن درست نیست). لطفاً دوباره بررسی کنید.
register-legal-id-taken = واحدی با این شناسه ملی قبلاً ثبت شده است. برای افزوده شدن به عنوان نماینده آن واحد با دبیرخانه کارگروه تماس بگیرید، یا شناسه دیگری وارد کنید.
register-legal-id-yours = این واحد را قبلاً به نام شما ثبت کرده‌ایم. می‌توانید از منو «ثبت مشکل» را بزنید، یا شناسه دیگری وارد کنید.
register-ask-licence = شماره پروانه بهره‌برداری را بنویسید، یا اگر ندارید «صرف‌نظر» را بزنید.
register-licence-invalid = شماره پروانه باید ۲ تا ۴۰ نویسه از حروف، ارقام، «/» یا «-» باشد.
register-licence-none = ندارد
register-ask-working-group = واحد شما در حوزه کدام کارگروه (استان یا منطقه آزاد) است؟
register-ask-county-choose = شهرستان محل واحد را انتخاب کنید، یا نام آن را بنویسید.
register-ask-county = نام شهرستان محل واحد را بنویسید.
register-county-invalid = نام شهرستان باید بین ۲ تا ۶۰ نویسه باشد.
register-name-letters = نام واحد باید حروف داشته باشد و نمی‌تواند فقط شکلک، عدد یا علامت باشد (مثلاً: صنایع غذایی البرز).
register-county-not-found = هیچ شهرستانی از این کارگروه با «{ $query }» جور نیست. یکی از دکمه‌ها را بزنید یا چند حرف از نامش را بنویسید.
register-county-several = { $count } شهرستان پیدا شد؛ یکی را انتخاب کنید.
register-ask-sector = بخش فعالیت واحد:
register-ask-activity = وضعیت فعالیت واحد:
register-ask-employees = تعداد کارکنان واحد را به عدد بنویسید (مثلاً ۴۵).
register-employees-invalid = تعداد کارکنان باید عددی بین ۰ و ۱۰۰٬۰۰۰ باشد.
register-incomplete = بخشی از اطلاعات کامل نیست؛ لطفاً از ابتدا بررسی کنید.
register-summary =
    لطفاً اطلاعات واحد را بررسی و تأیید کنید:
    نام واحد: { $name }
    شناسه ملی: { $legalId }
    پروانه بهره‌برداری: { $licence }
    کارگروه: { $group }
    شهرستان: { $county }
    بخش: { $sector }
    وضعیت فعالیت: { $activity }
    تعداد کارکنان: { $employees }
register-done = واحد «{ $name }» ثبت شد. اکنون می‌توانید مشکل آن را ثبت کنید.
sector-INDUSTRY = صنعت
sector-MINING = معدن
sector-AGRICULTURE = کشاورزی
sector-SERVICES = خدمات
activity-ACTIVE = فعال
activity-SEMI_ACTIVE = نیمه‌فعال
activity-IDLE = راکد

## Report wizard
report-intro = ثبت مشکل: چند سؤال کوتاه می‌پرسیم. پیش‌نویس شما محفوظ می‌ماند؛ «بازگشت» و /cancel در هر مرحله در دسترس است.
report-needs-unit = برای ثبت مشکل ابتدا واحد تولیدی خود را ثبت کنید.
report-ask-unit = مشکل مربوط به کدام واحد است؟
report-ask-category = موضوع مشکل چیست؟
report-ask-subcategory = دقیق‌تر بفرمایید:
report-ask-agency = دستگاه اجرایی طرف مشکل کدام است؟
report-agency-unknown = نمی‌دانم / چند دستگاه
report-ask-irreversible = مشکل از چه زمانی غیرقابل‌بازگشت می‌شود (مثلاً سررسید تسهیلات، انقضای مجوز)؟
report-ask-irreversible-cutoff = تاریخ قطع در اخطاریه چه روزی است؟ (اخطاریه قطع همیشه فوری بررسی می‌شود.)
report-irreversible-happened = اتفاق افتاده است
report-irreversible-3d = تا ۳ روز دیگر
report-irreversible-week = تا یک هفته دیگر
report-irreversible-month = تا یک ماه دیگر
report-irreversible-date = 📅 وارد کردن تاریخ دقیق
report-irreversible-unknown = نمی‌دانم
report-ask-date = تاریخ را به شمسی بنویسید، مانند ۱۴۰۵/۰۹/۱۵ یا 1405/9/15.
report-date-invalid = این تاریخ شمسی معتبر نیست. نمونه درست: ۱۴۰۵/۰۹/۱۵
report-date-past = این تاریخ گذشته است. اگر مشکل رخ داده، «بازگشت» و سپس «اتفاق افتاده است» را بزنید؛ وگرنه تاریخی از امروز به بعد بنویسید.
report-date-understood = تاریخ ثبت شد: { $date }
report-ask-amount = مبلغ مرتبط (بدهی، تسهیلات، ضمانت‌نامه…) را به { $unit } بنویسید، مثلاً ۵۰۰ میلیون یا ۲۵۰٬۰۰۰٬۰۰۰. اگر مبلغی مطرح نیست «صرف‌نظر» را بزنید.
report-amount-switch-rial = واحد: ریال
report-amount-switch-toman = واحد: تومان
report-amount-invalid = این مبلغ را متوجه نشدم. فقط عدد بنویسید (مثلاً ۲۵۰۰۰۰۰۰۰ یا ۲۵۰ میلیون).
report-amount-none = —
money-unit-rial = ریال
money-unit-toman = تومان
report-ask-description = مشکل را شرح دهید: چه شده، تا کنون چه اقدامی کرده‌اید و چه انتظاری از کارگروه دارید ({ $min } تا { $max } نویسه).
report-description-short = شرح کوتاه است؛ دست‌کم { $min } نویسه بنویسید تا دبیرخانه بتواند بررسی کند.
report-description-long = شرح طولانی است ({ $length } نویسه)؛ حداکثر { $max } نویسه مجاز است. می‌توانید بقیه را به صورت پیوست بفرستید.
report-ask-attachments = مدارک را بفرستید (عکس اخطاریه، نامه بانک، مجوز… — عکس یا فایل PDF/Word/Excel تا { $mb } مگابایت). { $count } از { $limit } پیوست دریافت شده است. پس از پایان «تمام» را بزنید.
report-attachments-none = پیوستی ندارم
report-attachments-expected = در این مرحله عکس یا فایل بفرستید، یا «تمام» را بزنید.
report-attachments-full = حداکثر { $limit } پیوست پذیرفته می‌شود. «تمام» را بزنید.
report-attachment-too-big = حجم فایل بیش از { $mb } مگابایت است.
report-attachment-bad-type = این نوع فایل پذیرفته نیست؛ عکس یا فایل PDF، Word یا Excel بفرستید.
report-review =
    پیش‌نویس گزارش — لطفاً بررسی کنید:
    واحد: { $unit }
    موضوع: { $category }
    دستگاه اجرایی: { $agency }
    زمان غیرقابل‌بازگشت شدن: { $irreversible }
    مبلغ: { $amount }
    شرح: { $description }
    پیوست‌ها: { $attachments }
report-edit-category = ✏ موضوع
report-edit-agency = ✏ دستگاه
report-edit-irreversible = ✏ تاریخ
report-edit-amount = ✏ مبلغ
report-edit-description = ✏ شرح
report-edit-attachments = ✏ پیوست‌ها
report-submit = ✅ ارسال به دبیرخانه
report-incomplete = بخشی از گزارش کامل نیست؛ لطفاً موارد را بررسی کنید.
report-submit-unavailable = ارسال انجام نشد: سامانه موقتاً در دسترس نیست. پیش‌نویس شما محفوظ است؛ چند دقیقه دیگر دوباره «ارسال به دبیرخانه» را بزنید.
report-submitted =
    گزارش شما ثبت شد. کد رهگیری: { $code }
    دبیرخانه کارگروه پرونده را بررسی و به دستگاه مسئول ارجاع می‌دهد؛ هر مرحله را همین‌جا به شما اطلاع می‌دهیم. در صورت نیاز به اطلاعات بیشتر از شما سؤال می‌شود.
report-submitted-critical =
    گزارش شما ثبت شد و به عنوان «فوری» فوراً به دبیرخانه کارگروه اعلام شد. کد رهگیری: { $code }
    هر مرحله را همین‌جا به شما اطلاع می‌دهیم.
report-submitted-earlier =
    گزارش قبلی شما ثبت شده بود، اما در آن لحظه نتوانستیم به شما اطلاع دهیم. کد رهگیری: { $code }
    هر مرحله را همین‌جا به شما اطلاع می‌دهیم.

## Categories
category-utility_cutoff = اخطاریه قطع (برق، گاز، آب، مخابرات)
category-bank = مسائل بانکی
category-tax = مالیات
category-social_security = تأمین اجتماعی
category-permits = مجوز و استعلام
category-fuel_energy = تأمین سوخت و انرژی
category-raw_materials = مواد اولیه، گمرک و ارز
category-infrastructure = زیرساخت
category-idle_unit = واحد راکد یا نیمه‌تمام
category-other = سایر
subcategory-electricity = برق
subcategory-gas = گاز
subcategory-water = آب
subcategory-telecom = مخابرات
subcategory-overdue_loan = تسهیلات معوق / معوقات بانکی
subcategory-rescheduling = امهال
subcategory-guarantee = ضمانت‌نامه / تضامین بانکی
subcategory-loan_refused = رد درخواست تسهیلات
subcategory-working_capital = سرمایه در گردش
subcategory-insurance_debt = بدهی بیمه
subcategory-penalty_forgiveness = بخشودگی جرائم
subcategory-environment = محیط زیست
subcategory-natural_resources = منابع طبیعی
subcategory-industrial_estates = شهرک صنعتی
subcategory-land_affairs = امور اراضی
subcategory-other_licence = سایر مجوزها
subcategory-restart_plan = برنامه راه‌اندازی مجدد
subcategory-capacity_expansion = توسعه ظرفیت

## Case fields, statuses, urgency
status-submitted = ثبت‌شده، در صف دبیرخانه
status-needs_info = منتظر اطلاعات شما
status-assigned = ارجاع‌شده به دستگاه
status-in_progress = در حال اقدام
status-on_agenda = در دستور جلسه
status-resolved = حل‌شده
status-closed = مختومه
status-rejected = ردشده
status-duplicate = تکراری
urgency-critical = فوری
urgency-high = زیاد
urgency-normal = عادی
urgency-low = کم
case-field-code = کد رهگیری: { $code }
case-field-unit = واحد: { $unit }
case-field-status = وضعیت: { $status }
case-field-urgency = فوریت: { $urgency }
case-field-category = موضوع: { $category }
case-field-agency = دستگاه اجرایی: { $agency }
case-field-irreversible = زمان غیرقابل‌بازگشت شدن: { $date }
case-field-amount = مبلغ: { $amount }
case-field-submitted = تاریخ ثبت: { $date }
case-field-description = شرح: { $description }
case-agency-unknown = مشخص نشده
case-irreversible-unknown = نامشخص
case-days-passed = گذشته است
case-days-left = { $days } روز دیگر
case-field-countdown = ⏳ { $working } روز کاری ({ $days } روز) تا تاریخ غیرقابل‌بازگشت مانده است
case-field-countdown-overdue = ⌛ تاریخ غیرقابل‌بازگشت { $days } روز پیش گذشته است
case-field-countdown-passed-today = ⌛ تاریخ غیرقابل‌بازگشت امروز بود
countdown-short-left = ⏳{ $working } روز کاری
countdown-short-today = ⏳امروز
countdown-short-overdue = ⌛{ $days } روز گذشته
case-timeline-title = سابقه پرونده:
button-open-case = 📂 باز کردن پرونده

## Timeline events
event-actor-system = سامانه
event-submitted = پرونده ثبت شد (فوریت: { $urgency }).
event-info_added = { $actor } اطلاعات تکمیلی افزود: { $text }
event-info_answered = { $actor } به درخواست اطلاعات پاسخ داد: { $text }
event-task_created = اقدام به دستگاه اجرایی ارجاع شد؛ مهلت: { $due }

## My cases
cases-empty = هنوز پرونده‌ای ثبت نکرده‌اید.
cases-title = پرونده‌های شما ({ $total } پرونده — صفحه { $page } از { $pages }):
cases-back-to-list = « فهرست پرونده‌ها
cases-add-info = ➕ افزودن اطلاعات یا مدرک
cases-answer = ✍ پاسخ به درخواست اطلاعات
cases-ask-info = اطلاعات یا مدرک تکمیلی پرونده { $code } را بفرستید (متن تا { $max } نویسه، یا عکس/فایل).
cases-info-too-long = متن طولانی است؛ حداکثر { $max } نویسه.
cases-info-added = اطلاعات به پرونده { $code } افزوده شد و دبیرخانه مطلع شد.
cases-info-answered = پاسخ شما به پرونده { $code } افزوده شد و پرونده دوباره به صف بررسی دبیرخانه برگشت.

## Secretariat alerts
alert-new-case =
    پرونده جدید { $code }
    واحد: { $unit }
    موضوع: { $category }
    فوریت: { $urgency }
alert-new-case-critical =
    🔴 پرونده فوری { $code }
    واحد: { $unit }
    موضوع: { $category }
    فوریت: { $urgency } — لطفاً هرچه زودتر بررسی کنید.
alert-case-unopened =
    🔴 یادآوری: پرونده فوری { $code } هنوز باز نشده است.
    واحد: { $unit }
    موضوع: { $category }
notice-producer-answered = تولیدکننده به درخواست اطلاعات پرونده { $code } پاسخ داد: { $text }
notice-producer-added-info = تولیدکننده به پرونده { $code } اطلاعات افزود: { $text }

## Secretariat desk: invitations and members (src/bot/features/invitations.ts)
invitations-role-SECRETARIAT = دبیرخانه کارگروه
invitations-role-OFFICIAL = نماینده دستگاه اجرایی
invitations-role-CHAIR = رئیس کارگروه
invitations-role-ADMIN = مدیر سامانه
invitations-menu-invite = ✉ دعوت عضو جدید
invitations-menu-members = 👥 اعضا
invitations-menu-open = 🔗 دعوت‌نامه‌های باز
invitations-ask-role = چه کسی را دعوت می‌کنید؟ نقش را انتخاب کنید:
invitations-ask-group = برای کدام کارگروه؟
invitations-pick-group = کارگروه را انتخاب کنید:
invitations-ask-agency = این نماینده، نماینده کدام دستگاه اجرایی است؟
invitations-ask-head = آیا این فرد رئیس دستگاه است (ارجاع اقدامات معوق به مقام بالاتر برای او ارسال می‌شود)؟
invitations-head-yes = بله، رئیس دستگاه
invitations-head-no = خیر، نماینده دستگاه
invitations-head-label = رئیس دستگاه
invitations-summary =
    لطفاً دعوت‌نامه را بررسی کنید:
    نقش: { $role }
    کارگروه: { $group }
    دستگاه: { $agency }
    این پیوند فقط یک بار قابل استفاده است و پس از { $hours } ساعت باطل می‌شود.
invitations-created =
    دعوت‌نامه آماده است. این پیوند را فقط برای فرد دعوت‌شده بفرستید (نخستین کسی که آن را باز کند این نقش را می‌گیرد):
    { $link }
    اعتبار تا { $expires }، برای یک بار استفاده.
invitations-accepted =
    خوش آمدید! نقش شما «{ $role }» ثبت شد.
    کارگروه: { $group }
    دستگاه: { $agency }
invitations-already-member = شما پیش از این نقش «{ $role }» را در { $group } داشتید؛ تغییری ایجاد نشد.
invitations-refused-invalid = این پیوند دعوت معتبر نیست. لطفاً از دبیرخانه کارگروه پیوند جدیدی بخواهید.
invitations-refused-expired = مهلت این پیوند دعوت به پایان رسیده است. لطفاً از دبیرخانه کارگروه پیوند جدیدی بخواهید.
invitations-refused-used = از این پیوند دعوت قبلاً استفاده شده است. هر پیوند فقط یک بار کار می‌کند؛ لطفاً از دبیرخانه کارگروه پیوند جدیدی بخواهید.
invitations-refused-revoked = این دعوت‌نامه از سوی دبیرخانه کارگروه لغو شده است.
invitations-notice-accepted = { $name } دعوت شما را پذیرفت و اکنون «{ $role }» در { $group } است.
invitations-members-title = اعضای { $group } ({ $total } نفر):
invitations-members-empty = { $group } هنوز عضوی ندارد.
invitations-members-revoke = ✖ { $number }. { $name }
invitations-members-revoke-confirm = نقش «{ $role }» از { $name } گرفته شود؟ پس از آن پرونده‌ها و اقدامات کارگروه را نخواهد دید.
invitations-members-revoked = نقش { $name } لغو شد.
invitations-list-title = دعوت‌نامه‌های باز:
invitations-list-empty = هیچ دعوت‌نامه بازی وجود ندارد.
invitations-list-item = { $number }. { $role } — { $group }؛ صادرکننده: { $by }؛ معتبر تا { $expires }
invitations-list-revoke = ✖ { $number }
invitations-list-revoked = دعوت‌نامه لغو شد و پیوند آن دیگر کار نمی‌کند.
invitations-list-revoke-failed = این دعوت‌نامه قبلاً استفاده یا لغو شده است.

## Secretariat desk: the queue and the case card (src/bot/features/queue.ts)
queue-menu = 🗂 صف پرونده‌ها
queue-pick-group = صف پرونده‌های کدام کارگروه؟
queue-title = صف پرونده‌های { $group }: { $total } پرونده (صفحه { $page } از { $pages })
queue-open-only = پرونده‌های باز، به ترتیب فوریت و سپس قدمت.
queue-filtered-by = فیلتر: { $filters }
queue-empty = پرونده‌ای با این مشخصات وجود ندارد.
queue-filter-status = وضعیت ▾
queue-filter-category = موضوع ▾
queue-filter-agency = دستگاه ▾
queue-filter-clear = ✖ حذف فیلترها
queue-filter-all-open = همه پرونده‌های باز
queue-filter-recently-resolved = ✅ حل‌شده‌های اخیر
queue-filter-any-status = همهٔ وضعیت‌ها (باز و پایان‌یافته)
queue-filter-all = همه
queue-filter-pick-s = نمایش پرونده‌های با وضعیت:
queue-filter-pick-c = نمایش پرونده‌های با موضوع:
queue-filter-pick-a = نمایش پرونده‌های دستگاه:
queue-status-submitted = جدید
queue-status-needs_info = در انتظار پاسخ تولیدکننده
queue-status-assigned = ارجاع‌شده
queue-status-in_progress = در حال اقدام
queue-status-on_agenda = در دستور جلسه
queue-status-resolved = حل‌شده
queue-status-closed = مختومه
queue-status-rejected = ردشده
queue-status-duplicate = تکراری
queue-field-legal-id = شناسه ملی: { $legalId }
queue-field-county = شهرستان: { $county }
queue-field-sector = بخش: { $sector }، { $activity }، { $employees } نفر شاغل
queue-field-reporter = ثبت‌کننده: { $name }
queue-field-phone = تلفن همراه: { $phone }
queue-field-taken-by = کارشناس مسئول: { $name }
queue-field-urgency-overridden = (فوریت را دبیرخانه تعیین کرده است)
queue-field-duplicate-of = تکراریِ پرونده: { $code }
queue-field-outcome = نتیجه: { $outcome }
queue-field-attachments = مستندات: { $count }
queue-tasks-title = اقدامات:
queue-task-line = • { $agency } — { $official }؛ مهلت { $due }؛ { $status }
queue-task-status-open = باز
queue-task-status-acknowledged = رؤیت‌شده
queue-task-status-in_progress = در حال اقدام
queue-task-status-done_pending_review = انجام‌شده، در انتظار تأیید دبیرخانه
queue-task-status-done = انجام‌شده
queue-task-status-refused = ردشده از سوی دستگاه
queue-task-status-cancelled = لغوشده
queue-read-only = (فقط مشاهده)
queue-button-files = 📎 ارسال مستندات
queue-button-back = « صف پرونده‌ها
queue-files-none = این پرونده مستندی ندارد.
queue-files-more = { $count } مستند دیگر ارسال نشد؛ آن‌ها را از دبیرخانه بخواهید.
queue-action-take = ✋ برعهده‌گرفتن
queue-action-ask = ❓ درخواست اطلاعات
queue-action-assign = 📤 ارجاع به دستگاه
queue-action-duplicate = ⧉ تکراری
queue-action-reject = ⛔ رد پرونده
queue-action-category = 🏷 موضوع
queue-action-urgency = ⚡ فوریت
queue-action-note = 🔒 یادداشت داخلی
queue-action-resolve = ✅ حل شد
queue-action-close = 📁 مختومه
queue-action-reopen = ↩ بازگشایی

## Secretariat desk: triage (src/bot/features/triage.ts, src/services/triage.ts)
triage-ask-ask = پرونده { $code }: پرسش خود از تولیدکننده را بنویسید (حداکثر { $max } نویسه). پرسش با دکمه «پاسخ» برای او ارسال می‌شود.
triage-ask-note = پرونده { $code }: یادداشت داخلی را بنویسید (حداکثر { $max } نویسه). این یادداشت هرگز به تولیدکننده نشان داده نمی‌شود.
triage-ask-res = پرونده { $code }: نتیجه را بنویسید؛ مشکل چگونه حل شد؟ (حداکثر { $max } نویسه) این متن برای تولیدکننده ارسال می‌شود.
triage-ask-reject-reason = پرونده { $code }: دلیل رد چیست؟
triage-ask-reject-responsible = رسیدگی به این مشکل با کدام مرجع است؟ نام آن را بنویسید (به تولیدکننده گفته می‌شود به کجا مراجعه کند).
triage-ask-reject-text = دلیل رد را بنویسید (حداکثر { $max } نویسه). این متن برای تولیدکننده ارسال می‌شود.
triage-ask-agency = پرونده { $code }: به کدام دستگاه اجرایی ارجاع شود؟
triage-ask-official = به یکی از نمایندگان دستگاه ارجاع شود یا به کل دستگاه (همه نمایندگان آن مطلع می‌شوند)؟
triage-ask-official-none = هنوز هیچ نماینده‌ای از این دستگاه در بات ثبت نشده است. اقدام منتظر آنان می‌ماند؛ با /invite نماینده دعوت کنید.
triage-official-any = کل دستگاه
triage-ask-due = مهلت را به تاریخ شمسی بنویسید، مثلاً { $example }
triage-ask-duplicate = پرونده { $code } تکراریِ کدام پرونده است؟ کد رهگیری آن پرونده را بنویسید (از همین کارگروه).
triage-ask-category = پرونده { $code }: موضوع درست را انتخاب کنید:
triage-ask-subcategory = و زیرموضوع:
triage-subcategory-none = بدون زیرموضوع
triage-ask-urgency = پرونده { $code }: فوریت را تعیین کنید:
triage-reject-reason-not_in_remit = خارج از حیطه وظایف این کارگروه
triage-reject-reason-not_production_obstacle = از مصادیق موانع تولید نیست
triage-reject-reason-insufficient_info = اطلاعات یا مستندات ناکافی
triage-reject-reason-already_resolved = قبلاً حل شده است
triage-reject-reason-judicial = در مراجع قضایی در حال رسیدگی است
triage-reject-reason-other = دلیل دیگر
triage-confirm-ask =
    این پرسش برای تولیدکننده پرونده { $code } ارسال شود؟
    { $text }
triage-confirm-asg =
    ارجاع پرونده { $code }:
    دستگاه: { $agency }
    نماینده: { $official }
    مهلت: { $due }
triage-confirm-dup = پرونده { $code } تکراریِ پرونده { $original } اعلام شود؟ این پرونده بسته می‌شود و به تولیدکننده گفته می‌شود پرونده { $original } را پیگیری کند.
triage-confirm-rej =
    پرونده { $code } رد شود؟
    دلیل: { $reason }
    { $text }
triage-confirm-cat = موضوع پرونده { $code } به «{ $category }» تغییر کند؟
triage-confirm-urg = فوریت پرونده { $code } «{ $urgency }» شود؟
triage-confirm-note =
    این یادداشت داخلی به پرونده { $code } افزوده شود؟
    { $text }
triage-confirm-res =
    پرونده { $code } با این نتیجه «حل‌شده» اعلام شود؟
    { $text }
triage-confirm-cls = پرونده حل‌شده { $code } مختومه شود؟
triage-confirm-reo = پرونده { $code } بازگشایی شود و به صف بازگردد؟
triage-done-take = پرونده { $code } را برعهده گرفتید؛ به تولیدکننده اطلاع داده شد که پرونده در حال بررسی است.
triage-done-ask = پرسش برای تولیدکننده پرونده { $code } ارسال شد.
triage-done-asg = پرونده { $code } ارجاع شد؛ به دستگاه و تولیدکننده اطلاع داده شد.
triage-done-dup = پرونده { $code } تکراری اعلام شد؛ به تولیدکننده اطلاع داده شد.
triage-done-rej = پرونده { $code } رد شد؛ دلیل آن به تولیدکننده اعلام شد.
triage-done-cat = موضوع پرونده { $code } تغییر کرد.
triage-done-urg = فوریت پرونده { $code } تغییر کرد.
triage-done-note = یادداشت به پرونده { $code } افزوده شد.
triage-done-res = پرونده { $code } حل‌شده اعلام شد؛ به تولیدکننده اطلاع داده شد.
triage-done-cls = پرونده { $code } مختومه شد.
triage-done-reo = پرونده { $code } بازگشایی شد و به صف بازگشت.
triage-error-not_found = این پرونده پیدا نشد یا متعلق به کارگروه شما نیست.
triage-error-forbidden = این پرونده متعلق به کارگروه شما نیست.
triage-error-illegal_transition = این اقدام در وضعیت فعلی پرونده ممکن نیست (شاید همکار دیگری در این فاصله اقدامی کرده باشد). پرونده را دوباره باز کنید.
triage-error-invalid_text = متن بیش از حد کوتاه یا بلند است.
triage-error-text-length = متن باید بین { $min } تا { $max } نویسه باشد (متن شما: { $length }).
triage-error-invalid_date = این تاریخ شمسی معتبر نیست. آن را به صورت سال/ماه/روز بنویسید، مثلاً ۱۴۰۵/۰۹/۱۵.
triage-error-past_date = مهلت نمی‌تواند در گذشته باشد.
triage-error-far_date = مهلت بیش از یک سال بعد است؛ لطفاً سال را بررسی کنید.
triage-error-invalid_agency = این دستگاه عضو کارگروه این پرونده نیست.
triage-error-invalid_official = این فرد نماینده دستگاه انتخاب‌شده نیست.
triage-error-invalid_category = این موضوع معتبر نیست.
triage-error-invalid_urgency = این فوریت معتبر نیست.
triage-error-invalid_reason = این دلیل معتبر نیست.
triage-error-duplicate_not_found = پرونده‌ای با این کد رهگیری در این کارگروه پیدا نشد. کد را بررسی کنید و دوباره بنویسید.
triage-error-duplicate_self = پرونده نمی‌تواند تکراریِ خودش باشد. کد رهگیری پرونده دیگر را بنویسید.
triage-button-answer = ✍ پاسخ
triage-notice-taken = پرونده شما به کد رهگیری { $code } در دبیرخانه کارگروه در حال بررسی است.
triage-notice-info-requested =
    دبیرخانه کارگروه درباره پرونده { $code } به اطلاعات بیشتری نیاز دارد:
    { $question }
    لطفاً با دکمه زیر پاسخ دهید (متن، عکس یا فایل).
triage-notice-info-reminder =
    یادآوری: دبیرخانه کارگروه همچنان منتظر پاسخ شما درباره پرونده { $code } است:
    { $question }
    پرونده شما پس از پاسخ‌دادن پیگیری می‌شود.
triage-notice-assigned = پرونده { $code } برای اقدام به { $agency } ارجاع شد؛ مهلت اقدام: { $due }. نتیجه را به شما اطلاع می‌دهیم.
triage-notice-task-assigned =
    اقدام جدید برای { $agency }: پرونده { $code }
    واحد تولیدی: { $unit }
    موضوع: { $category }
    مهلت: { $due }
    { $description }
triage-notice-task-cancelled = اقدام مربوط به پرونده { $code } لغو شد (پرونده از سوی دبیرخانه بسته شد)؛ اقدام بیشتری لازم نیست.
triage-notice-duplicate = پرونده { $code } تکراریِ پرونده { $original } است که در حال پیگیری است. لطفاً از این پس پرونده { $original } را پیگیری کنید.
triage-notice-rejected =
    پرونده { $code } از سوی دبیرخانه کارگروه پذیرفته نشد.
    دلیل: { $reason }
    { $text }
triage-notice-rejected-remit =
    رسیدگی به پرونده { $code } در حیطه وظایف این کارگروه نیست.
    لطفاً به این مرجع مراجعه کنید: { $text }
triage-notice-resolved =
    پرونده { $code } حل‌شده اعلام شد.
    نتیجه: { $outcome }
    آیا رسیدگی کمک کرد؟ با دکمه‌های زیر نمره بدهید. اگر مشکل همچنان باقی است، تا { $days } روز می‌توانید با دکمه «بازگشایی» یا از «پرونده‌های من» پرونده را بازگشایی کنید.
triage-notice-closed = پرونده { $code } مختومه شد.
triage-notice-reopened = پرونده { $code } بازگشایی شد و دوباره در صف دبیرخانه کارگروه قرار گرفت.
triage-notice-category = موضوع پرونده { $code } به «{ $category }» اصلاح شد.
event-taken = { $actor } پرونده را برعهده گرفت.
event-info_requested = { $actor } از تولیدکننده پرسید: { $question }
event-assigned = { $actor } پرونده را به { $toFa } ارجاع داد؛ مهلت { $dueFa }.
event-marked_duplicate = { $actor } پرونده را تکراریِ { $original } اعلام کرد.
event-rejected = { $actor } پرونده را رد کرد: { $reason ->
        [not_in_remit] خارج از حیطه وظایف کارگروه؛ مرجع رسیدگی: { $text }
        [not_production_obstacle] از مصادیق موانع تولید نیست. { $text }
        [insufficient_info] اطلاعات ناکافی. { $text }
        [already_resolved] قبلاً حل شده است. { $text }
        [judicial] در مراجع قضایی در حال رسیدگی است. { $text }
       *[other] { $text }
    }
event-category_changed = { $actor } موضوع را به «{ $categoryFa }» تغییر داد.
event-urgency_changed = { $actor } فوریت را «{ $urgency }» تعیین کرد.
event-note = { $actor } (یادداشت): { $text }
event-resolved = { $actor } پرونده را حل‌شده اعلام کرد: { $outcome }
event-closed = { $actor } پرونده را مختومه کرد.
event-reopened = { $actor } پرونده را بازگشایی کرد.
event-task_cancelled = یک اقدام همراه با بسته‌شدن پرونده لغو شد.

## Tasks, reminders, escalation, morning digest and rating (src/bot/features/tasks.ts, rating.ts, src/jobs/reminders.ts, digest.ts)
menu-tasks = 📋 اقدامات دستگاه من
task-due-today = مهلت امروز است
task-due-days-left = { $days } روز مانده
task-due-days-overdue = { $days } روز دیرکرد
task-unassigned = هنوز به کسی سپرده نشده
task-letter-none = ندارد
task-status-open = جدید
task-status-acknowledged = رؤیت‌شده
task-status-in_progress = در حال انجام
task-status-done_pending_review = انجام‌شده، در انتظار بررسی دبیرخانه
task-status-done = انجام‌شده
task-status-refused = ردشده
task-status-cancelled = لغوشده
task-list-empty = دستگاه شما در حال حاضر اقدام بازی ندارد.
task-not-official = این فهرست ویژه نمایندگان دستگاه‌های اجرایی است. اگر نماینده دستگاهی هستید، از دبیرخانه کارگروه دعوت‌نامه بخواهید.
task-list-title = اقدامات باز دستگاه شما: { $total } (صفحه { $page } از { $pages }). 🔴 معوق · 📌 سپرده به شما
task-card-title = 📌 اقدام: { $title }
task-card-agency = دستگاه اجرایی: { $agency }
task-card-official = نماینده دستگاه: { $official }
task-card-due = مهلت: { $due }
task-card-due-at = ⏱ مهلت پاسخ فوری: { $at }
task-card-status = وضعیت اقدام: { $status }
task-card-contact = نماینده واحد: { $name } — { $phone }
task-card-no-phone = شماره تماسی ثبت نشده
task-card-extension-pending = درخواست تمدید مهلت تا { $date }: { $reason }
task-card-report =
    گزارش انجام: { $text }
    شماره نامه: { $letter }
task-card-refusal = رد شده است. دلایل: { $reason }
task-card-history = سوابق:
task-button-open = 📌 مشاهده اقدام
task-button-list = 📋 همه اقدامات
task-button-acknowledge = 👁 رؤیت شد
task-button-progress = 📝 گزارش پیشرفت
task-button-complete = ✅ اعلام انجام
task-button-extension = ⏳ درخواست تمدید مهلت
task-button-refuse = ⛔ رد با ذکر دلایل
task-button-reassign = 👥 سپردن به همکار دیگر
task-button-confirm = ✔ تأیید انجام
task-button-send-back = ↩ بازگرداندن
task-button-approve = ✔ موافقت با تمدید
task-button-refuse-extension = ✖ مخالفت با تمدید
task-button-documents = 📎 مستندات ({ $count })
task-button-send-report = 📤 ارسال
task-button-confirm-refusal = ⛔ تأیید رد اقدام
task-documents-none = این اقدام مستندی ندارد.
task-prompt-intro = پرونده { $code } — { $title }
task-ask-progress-text = گزارش پیشرفت را بنویسید (چه کاری انجام شده و گام بعدی چیست). تولیدکننده آن را می‌خواند.
task-ask-completion-text = گزارش انجام را بنویسید: چه اقدامی برای واحد انجام شد. دبیرخانه کارگروه آن را بررسی می‌کند.
task-ask-letter = اگر نامه رسمی صادر شده، شماره نامه را بنویسید؛ وگرنه «صرف‌نظر» را بزنید.
task-ask-files = در صورت وجود، مستندات را بفرستید (عکس، PDF، Word یا Excel) — تاکنون { $count } از { $limit } — سپس «ارسال» را بزنید.
task-ask-extension-date = مهلت جدید درخواستی را به تاریخ شمسی بنویسید (مثلاً ۱۴۰۵/۰۹/۳۰).
task-ask-extension-reason = چرا به زمان بیشتری نیاز است؟ دلیل را برای دبیرخانه کارگروه بنویسید.
task-ask-refusal-reason = دلایل رد را به‌صورت مکتوب بنویسید (دست‌کم { $min } نویسه). دبیرخانه کارگروه و تولیدکننده آن را می‌خوانند.
task-ask-send-back-reason = چه چیزی کم است؟ دلیل بازگرداندن را بنویسید تا دستگاه اجرایی بخواند.
task-confirm-refusal =
    شما این اقدام را با دلایل زیر رد می‌کنید:
    { $reason }
    دبیرخانه کارگروه و تولیدکننده مطلع می‌شوند. تأیید می‌کنید؟
task-text-invalid = متن باید بین { $min } تا { $max } نویسه باشد.
task-letter-invalid = شماره نامه حداکثر { $max } نویسه است.
task-files-expected = یک فایل بفرستید، یا برای پایان «ارسال» را بزنید.
task-extension-date-invalid = این تاریخ شمسی معتبر نیست. آن را به‌صورت سال/ماه/روز بنویسید، مثلاً ۱۴۰۵/۰۹/۳۰.
task-extension-date-not-later = مهلت جدید باید پس از مهلت فعلی ({ $due }) و در آینده باشد.
task-done-acknowledge = رؤیت ثبت شد. به تولیدکننده اطلاع داده شد که دستگاه شما پیگیر پرونده است.
task-done-progress = گزارش پیشرفت ثبت و به تولیدکننده اطلاع داده شد.
task-done-complete = گزارش انجام برای بررسی به دبیرخانه کارگروه فرستاده شد.
task-done-extension = درخواست تمدید مهلت برای دبیرخانه کارگروه فرستاده شد.
task-done-refuse = رد اقدام و دلایل آن ثبت شد و به دبیرخانه کارگروه و تولیدکننده اطلاع داده شد.
task-done-send-back = گزارش به دستگاه اجرایی بازگردانده شد.
task-done-confirm = انجام اقدام تأیید شد و به دستگاه اجرایی و تولیدکننده اطلاع داده شد.
task-done-confirm-all = انجام اقدام تأیید شد و به دستگاه اجرایی و تولیدکننده اطلاع داده شد. اقدام باز دیگری برای این پرونده نمانده است؛ اکنون می‌توانید پرونده را با نتیجه «حل‌شده» ببندید.
task-done-extension-approved = با تمدید موافقت شد؛ مهلت و یادآوری‌ها به‌روز شد.
task-done-extension-refused = با تمدید مخالفت شد و به دستگاه اجرایی اطلاع داده شد.
task-done-reassign = اقدام به همکار دیگر سپرده شد و به او اطلاع داده شد.
task-reassign-choose = این اقدام به کدام همکار سپرده شود؟
task-reassign-nobody = دستگاه شما در این کارگروه نماینده دیگری ندارد.
task-error-not_found = این اقدام پیدا نشد یا در دسترس شما نیست.
task-error-forbidden = شما اجازه این کار را روی این اقدام ندارید.
task-error-illegal_transition = در وضعیت کنونی اقدام، این کار ممکن نیست؛ اقدام را دوباره باز کنید تا وضعیتش را ببینید.
task-error-invalid_input = بخشی از اطلاعات واردشده معتبر نیست؛ لطفاً بررسی کنید.
task-error-extension_pending = یک درخواست تمدید برای این اقدام در انتظار تصمیم دبیرخانه کارگروه است.
task-error-already_decided = درباره این درخواست پیش‌تر تصمیم گرفته شده است.
task-error-not_an_official = این فرد نماینده این دستگاه نیست.
task-notice-producer-acknowledged = پرونده { $code }: { $agency } اقدام «{ $title }» را رؤیت کرد و پیگیر آن است.
task-notice-producer-progress =
    پرونده { $code }: گزارش پیشرفت از { $agency }:
    { $text }
task-notice-producer-completed =
    پرونده { $code }: { $agency } انجام اقدام را اعلام کرد؛ گزارش در دست بررسی دبیرخانه کارگروه است.
    { $text }
task-notice-producer-confirmed =
    پرونده { $code }: دبیرخانه کارگروه انجام اقدام «{ $title }» از سوی { $agency } را تأیید کرد.
    آیا مشکل شما برطرف شد؟ از ۱ (اصلاً) تا ۵ (کاملاً) امتیاز دهید.
task-notice-producer-refused =
    پرونده { $code }: { $agency } اقدام را رد کرد. دلایل مکتوب:
    { $reason }
    دبیرخانه کارگروه موضوع را پیگیری می‌کند.
task-notice-producer-extended = پرونده { $code }: مهلت { $agency } تا { $requested } تمدید شد. دلیل: { $reason }
task-notice-secretariat-completed =
    ✅ پرونده { $code }: { $agency } انجام اقدام را اعلام کرد.
    اقدام: { $title }
    شماره نامه: { $letter }
    گزارش: { $text }
    مستندات پیوست: { $files }
task-notice-secretariat-extension =
    ⏳ پرونده { $code }: { $agency } درخواست تمدید مهلت دارد.
    اقدام: { $title }
    مهلت فعلی: { $current }
    مهلت درخواستی: { $requested }
    دلیل: { $reason }
task-notice-secretariat-refused =
    ⛔ پرونده { $code }: { $agency } اقدام «{ $title }» را رد کرد.
    دلایل: { $reason }
task-notice-secretariat-all-done = پرونده { $code }: همه اقدامات انجام شد (آخرین مورد از سوی { $agency }). اکنون می‌توانید پرونده را با نتیجه «حل‌شده» ببندید.
task-notice-official-confirmed = پرونده { $code }: دبیرخانه کارگروه انجام اقدام «{ $title }» را تأیید کرد. سپاسگزاریم.
task-notice-official-sent-back =
    ↩ پرونده { $code }: دبیرخانه کارگروه گزارش اقدام «{ $title }» را بازگرداند.
    دلیل: { $reason }
task-notice-official-extension-approved = پرونده { $code }: با تمدید موافقت شد؛ مهلت جدید اقدام «{ $title }»: { $requested }.
task-notice-official-extension-refused = پرونده { $code }: با تمدید مخالفت شد؛ مهلت اقدام «{ $title }» همچنان { $current } است.
task-notice-official-assigned = 📌 پرونده { $code }: اقدام «{ $title }» ({ $agency }) به شما سپرده شد. مهلت: { $due }.
task-notice-official-unassigned = پرونده { $code }: اقدام «{ $title }» به { $official } سپرده شد.
task-reminder-before = ⏰ یادآوری: پرونده { $code } — اقدام «{ $title }» ({ $agency })، مهلت: { $due }.
task-reminder-due = ⏰ امروز مهلت اقدام است: پرونده { $code } — «{ $title }» ({ $agency }). لطفاً نتیجه را گزارش کنید یا درخواست تمدید مهلت بدهید.
task-reminder-overdue = 🔴 اقدام معوق: پرونده { $code } — «{ $title }» ({ $agency })، مهلت: { $due }. لطفاً نتیجه را گزارش کنید، درخواست تمدید بدهید یا با ذکر دلایل رد کنید.
task-escalation-agency-head =
    🔺 ارجاع به مقام بالاتر: اقدام { $agency } { $days } روز کاری دیرکرد دارد.
    پرونده { $code } — «{ $title }»، مهلت: { $due }
    نماینده دستگاه: { $official }
task-escalation-secretariat =
    🔺 ارجاع به مقام بالاتر: اقدام { $agency } { $days } روز کاری دیرکرد دارد.
    پرونده { $code } — «{ $title }»، مهلت: { $due }
    نماینده دستگاه: { $official }
digest-message =
    ☀ صبح بخیر. اقدامات شما: { $overdue } معوق، { $week } با مهلت این هفته.
    { $tasks }
digest-more = … و { $count } مورد دیگر
digest-button-task = 📌 { $code }
digest-button-all = 📋 همه اقدامات
rating-score-1 = ۱ ⭐
rating-score-2 = ۲ ⭐
rating-score-3 = ۳ ⭐
rating-score-4 = ۴ ⭐
rating-score-5 = ۵ ⭐
rating-thanks = از امتیاز شما ({ $score } از ۵) سپاسگزاریم.
rating-thanks-low = سپاسگزاریم؛ متأسفیم که مشکل برطرف نشد. امتیاز شما ({ $score } از ۵) به دبیرخانه کارگروه اعلام شد.
rating-ask-comment = اگر توضیحی دارید بنویسید، یا «صرف‌نظر» را بزنید.
rating-button-reopen = 🔁 بازگشایی پرونده
rating-ask-reopen-reason = چرا پرونده باید بازگشایی شود؟ دلیل را بنویسید (دست‌کم { $min } نویسه).
rating-reason-invalid = متن باید بین { $min } تا { $max } نویسه باشد.
rating-comment-saved = توضیح شما ثبت شد. سپاسگزاریم.
rating-done = سپاسگزاریم.
rating-reopened = پرونده { $code } بازگشایی شد و دوباره در اختیار دبیرخانه کارگروه است.
rating-error-not_found = این اقدام پیدا نشد.
rating-error-forbidden = تنها نماینده واحد می‌تواند به اقدام انجام‌شده امتیاز دهد.
rating-error-invalid_input = این پاسخ معتبر نیست.
rating-error-cannot_reopen = اکنون نمی‌توان پرونده را بازگشایی کرد (پرونده هنوز باز است یا مهلت بازگشایی گذشته است). دبیرخانه کارگروه همچنان می‌تواند آن را بازگشایی کند.
rating-notice-secretariat-low = ⚠ پرونده { $code }: تولیدکننده به کار { $agency } امتیاز { $score } از ۵ داد.
cases-reopen = 🔁 بازگشایی پرونده
rating-notice-secretariat-low-case = ⚠ پرونده { $code }: تولیدکننده به نتیجه رسیدگی نمره { $score } از ۵ داد.
event-case_rated = { $actor } به نتیجه رسیدگی نمره { $score } از ۵ داد.
rating-notice-secretariat-comment = پرونده { $code }: توضیح تولیدکننده درباره امتیاز ({ $score } از ۵): { $comment }
rating-notice-secretariat-reopened = 🔁 پرونده { $code } به درخواست تولیدکننده بازگشایی شد. دلیل: { $reason }
event-task_acknowledged = { $actor } اقدام را رؤیت کرد.
event-task_progress = { $actor } گزارش پیشرفت داد: { $text }
event-task_completed = { $actor } انجام اقدام را اعلام کرد (شماره نامه: { $letter }): { $text }
event-task_confirmed = { $actor } انجام اقدام را تأیید کرد.
event-task_sent_back = { $actor } گزارش انجام را بازگرداند: { $reason }
event-task_extension_requested = { $actor } تمدید مهلت تا { $due } را درخواست کرد: { $reason }
event-task_extension_approved = { $actor } با تمدید مهلت موافقت کرد: { $previous } ← { $due }.
event-task_extension_refused = { $actor } با تمدید مهلت تا { $due } مخالفت کرد.
event-task_refused = { $actor } اقدام را رد کرد: { $reason }
event-task_reassigned = { $actor } اقدام را به { $official } سپرد.
event-task_escalated = اقدام معوق به { $target ->
        [agency_head] رئیس دستگاه
       *[other] دبیرخانه کارگروه و رئیس کارگروه
    } ارجاع شد ({ $days } روز کاری دیرکرد).
event-task_rated = { $actor } به کار انجام‌شده امتیاز { $score } از ۵ داد.
event-task_rating_comment = { $actor } درباره امتیاز توضیح داد: { $comment }

## Meetings (src/bot/features/meetings.ts, src/services/meetings.ts, src/jobs/meeting-reminders.ts)
meetings-menu = 🗓 جلسات
meetings-ledger = 📑 دفتر مصوبات
meetings-title = { $ordinal } جلسه { $kind } در سال { $year }
meetings-kind-COMMITTEE = کمیته تخصصی
meetings-kind-WORKING_GROUP = کارگروه
meetings-kind-button-COMMITTEE = کمیته تخصصی (هفتگی)
meetings-kind-button-WORKING_GROUP = کارگروه تسهیل و رفع موانع تولید
meetings-status-SCHEDULED = برنامه‌ریزی‌شده
meetings-status-HELD = برگزارشده
meetings-status-CANCELLED = لغوشده
meetings-list-title = جلسات (ابتدا جلسات پیش رو، سپس جلسات اخیر):
meetings-list-empty = هنوز جلسه‌ای ثبت نشده است. نخستین جلسه را برنامه‌ریزی کنید.
meetings-new = ➕ برنامه‌ریزی جلسه
meetings-ask-group = جلسه مربوط به کدام کارگروه است؟
meetings-ask-kind = نوع جلسه را انتخاب کنید:
meetings-ask-date = تاریخ جلسه (هجری شمسی)، مثلاً ۱۴۰۵/۰۹/۱۵:
meetings-date-default = { $date }
meetings-ask-time = ساعت شروع جلسه (به وقت تهران)، مثلاً ۰۹:۳۰:
meetings-ask-place = محل برگزاری جلسه را بنویسید ({ $min } تا { $max } نویسه):
meetings-ask-recurring = آیا کمیته هر هفته در همین زمان تشکیل می‌شود؟ (با ثبت برگزاری هر جلسه، جلسه هفته بعد خودکار برنامه‌ریزی می‌شود.)
meetings-recurring-yes = بله، هر هفته
meetings-recurring-no = خیر، فقط همین یک بار
meetings-recurring-on = هفتگی
meetings-recurring-off = یک‌باره
meetings-create-review =
    جلسه جدید:
    نوع: { $kind }
    زمان: { $when }
    محل: { $place }
    تکرار: { $recurring }
meetings-create-confirm = ✔ ثبت جلسه
meetings-created = { $title } برنامه‌ریزی شد.
meetings-invalid-date = تاریخ معتبر نیست. آن را به صورت سال/ماه/روز بنویسید، مثلاً ۱۴۰۵/۰۹/۱۵.
meetings-invalid-time = ساعت معتبر نیست. آن را به صورت ساعت:دقیقه بنویسید، مثلاً ۰۹:۳۰.
meetings-invalid-place = محل جلسه باید بین { $min } تا { $max } نویسه باشد.
meetings-card-when = 🗓 { $when }
meetings-card-place = 📍 { $place }
meetings-card-status = وضعیت: { $status }
meetings-card-recurring = 🔁 هر هفته تکرار می‌شود
meetings-card-agenda = دستور جلسه:
meetings-card-not-invited = هنوز دعوت‌نامه‌ای ارسال نشده است.
meetings-card-rsvp-summary = پاسخ‌ها: { $attending } حضور، { $delegate } معرفی نماینده، { $declined } عدم امکان حضور، { $pending } بی‌پاسخ
meetings-card-invitee = • { $name }: { $answer }
meetings-card-invitee-delegate = • { $name }: { $answer } ({ $delegate })
meetings-card-resolutions = مصوبات ثبت‌شده: { $count }
meetings-card-minutes-closed = صورت‌جلسه نهایی و ارسال شد: { $date }
meetings-agenda-line = { $n }. { $code } — { $unit }
meetings-agenda-line-slot = { $n }. { $code } — { $unit } (ساعت { $time })
meetings-agenda-empty = (هنوز پرونده‌ای در دستور جلسه نیست)
meetings-agenda-title = دستور { $title }:
meetings-agenda-suggest = ➕ افزودن از پرونده‌های پیشنهادی
meetings-agenda-by-code = ➕ افزودن با کد رهگیری
meetings-agenda-added = پرونده { $code } در دستور جلسه قرار گرفت و به تولیدکننده اطلاع داده شد.
meetings-button-agenda = 📋 دستور جلسه
meetings-button-invite = ✉ ارسال دعوت‌نامه
meetings-button-invite-more = ✉ دعوت از افراد جدید
meetings-button-held = ✅ ثبت برگزاری جلسه
meetings-button-cancel = ✖ لغو جلسه
meetings-button-resolutions = 📝 ثبت مصوبات
meetings-button-close-minutes = 📄 نهایی‌کردن و ارسال صورت‌جلسه
meetings-button-refresh = 🔄 به‌روزرسانی
meetings-button-list = « فهرست جلسات
meetings-button-back-card = « بازگشت به جلسه
meetings-button-back-agenda = « بازگشت به دستور جلسه
meetings-suggestions-title = پرونده‌های پیشنهادی (برای افزودن به دستور جلسه، روی هر کدام بزنید):
meetings-suggestions-empty = در حال حاضر پرونده‌ای نیازمند طرح در جلسه نیست. همچنان می‌توانید با کد رهگیری پرونده‌ای را اضافه کنید.
meetings-suggestion-line = • { $code } — { $unit }: { $reasons }
meetings-reason-critical = فوری
meetings-reason-overdue_task = اقدام معوق دارد
meetings-reason-needs_decision = نیازمند تصمیم‌گیری
meetings-reason-waiting_long = مدت طولانی در انتظار
meetings-reason-carried_over = باقی‌مانده از جلسه قبل
meetings-ask-code = کد رهگیری پرونده را بفرستید (مثلاً KRM-1405-00012):
meetings-code-not-found = پرونده‌ای با این کد رهگیری در این کارگروه یافت نشد. کد را بررسی و دوباره ارسال کنید، یا /cancel را بزنید.
meetings-ask-slot = نماینده واحد در پرونده { $code } چه ساعتی در جلسه حاضر شود؟ (مثلاً ۱۰:۱۵)
meetings-slot-clear = بدون ساعت مشخص
meetings-slot-none = تعیین نشده
meetings-invitations-sent = دعوت‌نامه برای { $count } نفر ارسال شد (در مجموع { $total } نفر دعوت شده‌اند). یادآوری یک روز قبل و دو ساعت پیش از جلسه ارسال می‌شود.
meetings-invitations-none-new = همه افراد مرتبط پیش‌تر دعوت شده‌اند ({ $total } نفر).
meetings-held-confirm = برگزاری این جلسه ثبت شود؟ پس از آن می‌توانید مصوبات را ثبت کنید.
meetings-held-done = برگزاری جلسه ثبت شد. مصوبات را ثبت و سپس صورت‌جلسه را نهایی کنید.
meetings-next-created = جلسه هفته بعد برنامه‌ریزی شد: { $title }، { $when }.
meetings-cancel-confirm = این جلسه لغو شود؟ به همه دعوت‌شدگان اطلاع داده می‌شود.
meetings-cancel-yes = ✖ بله، لغو شود
meetings-cancelled = جلسه لغو شد. پرونده‌های آن برای جلسه بعد در دستور باقی می‌مانند.
meetings-error-forbidden = این کار فقط از دبیرخانه کارگروه ساخته است.
meetings-error-not_found = این جلسه یا پرونده یافت نشد.
meetings-error-not_scheduled = این جلسه دیگر در برنامه نیست (برگزار یا لغو شده است).
meetings-error-in_past = این زمان گذشته است. تاریخ دیرتری انتخاب کنید.
meetings-error-not_yet = هنوز روز برگزاری جلسه نرسیده است.
meetings-error-invalid_input = برخی اطلاعات معتبر نیست؛ لطفاً بررسی کنید.
meetings-error-case_not_eligible = این پرونده در وضعیت فعلی قابل طرح در جلسه نیست.
meetings-error-already_on_agenda = این پرونده هم‌اکنون در دستور همین جلسه است.
meetings-error-has_resolutions = برای این بند مصوبه ثبت شده و حذف آن ممکن نیست.
meetings-error-no_agenda = ابتدا دست‌کم یک پرونده در دستور جلسه قرار دهید.
meetings-error-not_held = ابتدا برگزاری جلسه را ثبت کنید.
meetings-error-minutes_closed = صورت‌جلسه این جلسه نهایی شده است.
meetings-error-no_resolutions = ابتدا دست‌کم یک مصوبه ثبت کنید.
meetings-invitation =
    📨 دعوت‌نامه جلسه
    از شما برای حضور در { $title } دعوت می‌شود.
    🗓 { $when }
    📍 { $place }
    دستور جلسه:
    { $agenda }
    لطفاً اعلام کنید در جلسه حضور خواهید داشت یا خیر.
meetings-invitation-unit =
    📨 دعوت‌نامه جلسه
    پرونده { $cases } شما در { $title } بررسی می‌شود.
    🗓 { $when }
    📍 { $place }
    ساعت حضور نماینده واحد: { $slot }
    لطفاً شخصاً یا با معرفی نماینده تام‌الاختیار، همراه با مستندات، در جلسه حاضر شوید.
    دستور جلسه:
    { $agenda }
meetings-rsvp-attending = ✅ حضور می‌یابم
meetings-rsvp-delegate = 👤 نماینده معرفی می‌کنم
meetings-rsvp-declined = ✖ امکان حضور ندارم
meetings-rsvp-state-PENDING = بی‌پاسخ
meetings-rsvp-state-ATTENDING = حضور
meetings-rsvp-state-DELEGATE = معرفی نماینده
meetings-rsvp-state-DECLINED = عدم امکان حضور
meetings-rsvp-saved-ATTENDING = سپاس. حضور شما در { $title } ({ $when }) ثبت شد.
meetings-rsvp-saved-DELEGATE = سپاس. حضور { $delegate } به نمایندگی از شما در { $title } ({ $when }) ثبت شد.
meetings-rsvp-saved-DECLINED = سپاس از اطلاع‌رسانی. پاسخ شما به دبیرخانه کارگروه اعلام شد.
meetings-ask-delegate = چه کسی به نمایندگی از شما در جلسه حاضر می‌شود؟ نام کامل و سمت او را بفرستید (حداکثر { $max } نویسه).
meetings-invalid-delegate = لطفاً نامی بین ۲ تا { $max } نویسه بفرستید.
meetings-producer-on-agenda =
    پرونده { $code } شما در دستور { $title } قرار گرفت.
    🗓 { $when }
    📍 { $place }
    دعوت‌نامه جلسه جداگانه ارسال می‌شود.
meetings-reminder-day-before =
    ⏰ یادآوری: { $title } فردا برگزار می‌شود.
    🗓 { $when }
    📍 { $place }
    دستور جلسه:
    { $agenda }
meetings-reminder-soon =
    ⏰ { $title } ساعت { $time } آغاز می‌شود.
    📍 { $place }
meetings-cancelled-notice = { $title } ({ $when }) لغو شد. زمان جدید اعلام خواهد شد.
event-agenda_added = { $actor } پرونده را در دستور جلسه شماره { $number } { $kind ->
        [COMMITTEE] کمیته تخصصی
       *[other] کارگروه
    } سال { $year } ({ $date } ساعت { $time }) قرار داد.
event-agenda_removed = { $actor } پرونده را از دستور جلسه شماره { $number } { $kind ->
        [COMMITTEE] کمیته تخصصی
       *[other] کارگروه
    } سال { $year } خارج کرد.
event-resolution_recorded = مصوبه ({ $type ->
        [TASK] اقدام دستگاه اجرایی
        [INFORMATION] جهت اطلاع
       *[other] تصمیم
    }): { $text } — مهلت: { $deadline }

## Resolutions and minutes (src/services/resolutions.ts)
resolutions-type-DECISION = تصمیم
resolutions-type-TASK = اقدام دستگاه اجرایی
resolutions-type-INFORMATION = جهت اطلاع
resolutions-type-button-DECISION = ⚖ تصمیم
resolutions-type-button-TASK = 🛠 اقدام دستگاه اجرایی (با پیگیری و یادآوری)
resolutions-type-button-INFORMATION = ℹ جهت اطلاع
resolutions-choose-item = مصوبات { $title }: یک بند از دستور جلسه را انتخاب کنید.
resolutions-ask-text = مصوبه درباره پرونده { $code }: متن آن را بنویسید ({ $min } تا { $max } نویسه).
resolutions-invalid-text = متن مصوبه باید بین { $min } تا { $max } نویسه باشد.
resolutions-ask-type = نوع مصوبه چیست؟
resolutions-ask-agency-task = کدام دستگاه اجرایی مسئول اجراست؟
resolutions-ask-agency = کدام دستگاه اجرایی مسئول است؟ (یا رد شوید)
resolutions-ask-official = کدام نماینده دستگاه؟ (یا هر یک از نمایندگان دستگاه)
resolutions-official-any = هر یک از نمایندگان دستگاه
resolutions-ask-deadline-task = مهلت اجرا (هجری شمسی)، مثلاً ۱۴۰۵/۰۹/۳۰:
resolutions-ask-deadline = مهلت (هجری شمسی)، مثلاً ۱۴۰۵/۰۹/۳۰، یا رد شوید:
resolutions-deadline-past = مهلت نمی‌تواند در گذشته باشد.
resolutions-no-agency = بدون دستگاه مسئول
resolutions-no-deadline = بدون مهلت
resolutions-review =
    مصوبه درباره پرونده { $code }:
    { $text }
    نوع: { $type }
    مسئول: { $agency } — { $official }
    مهلت: { $deadline }
resolutions-save = ✔ ثبت مصوبه
resolutions-saved = مصوبه پرونده { $code } ثبت شد و به تولیدکننده اطلاع داده شد.
resolutions-saved-task = مصوبه پرونده { $code } ثبت شد؛ اقدامی با یادآوری برای دستگاه اجرایی ایجاد و به تولیدکننده اطلاع داده شد.
resolutions-add-another = ➕ مصوبه دیگر برای همین پرونده
resolutions-back-to-items = « بندهای دستور جلسه
resolutions-producer-notice =
    تصمیم { $title } درباره پرونده { $code } شما:
    { $text }
    نوع: { $type }
    مسئول: { $agency }
    مهلت: { $deadline }
resolutions-task-notice =
    🛠 اقدام جدید بر اساس مصوبه { $title }
    پرونده { $code } — { $unit }
    { $text }
    مهلت: { $deadline }
    لطفاً تا پایان مهلت اقدام و نتیجه را به دبیرخانه کارگروه گزارش کنید.
    دستگاه می‌تواند تا { $until } یک بار و با ذکر دلایل مکتوب (دست‌کم { $min } نویسه) اعتراض کند؛ پس از آن مصوبه لازم‌الاجراست و مهلت اجرا جاری می‌شود.
resolutions-close-confirm = صورت‌جلسه با { $count } مصوبه نهایی شود؟ پس از آن مصوبات قطعی شده و برای همه حاضران ارسال می‌شود.
resolutions-close-yes = 📄 نهایی‌کردن و ارسال
resolutions-minutes-sent = صورت‌جلسه برای { $count } نفر ارسال شد.
resolutions-minutes-message = { $body }
resolutions-minutes-header =
    📄 صورت‌جلسه { $title }
    🗓 { $when } — 📍 { $place }
    مصوبات:
resolutions-minutes-case = ▪ { $code } — { $unit }
resolutions-minutes-line =
    { $n }. [{ $type }] { $text }
       مسئول: { $responsible } — مهلت: { $deadline }
resolutions-minutes-caption = صورت‌جلسه { $title }
resolutions-minutes-delegate = { $name } (به نمایندگی از { $for })
resolutions-minutes-doc-title = صورت‌جلسه
resolutions-minutes-doc-attendees = حاضران
resolutions-minutes-doc-resolutions = مصوبات
resolutions-col-case = پرونده / واحد
resolutions-col-text = متن مصوبه
resolutions-col-type = نوع
resolutions-col-responsible = مسئول
resolutions-col-deadline = مهلت
resolutions-ledger-title = دفتر مصوبات — { $filter } ({ $total } مورد؛ صفحه { $page } از { $pages }):
resolutions-ledger-empty = مصوبه‌ای در این فهرست نیست.
resolutions-ledger-line =
    { $icon } { $code }: { $text }
       { $agency } — مهلت { $deadline } — { $status } ({ $meeting })
resolutions-filter-all = همه
resolutions-filter-open = در حال پیگیری
resolutions-filter-overdue = معوق
resolutions-filter-done = انجام‌شده
resolutions-status-recorded = ثبت‌شده
resolutions-status-open = در حال پیگیری
resolutions-status-overdue = معوق
resolutions-status-done = انجام‌شده
resolutions-status-refused = رد شده از سوی دستگاه
resolutions-status-cancelled = لغوشده
resolutions-filter-objected = معترض‌عنه
resolutions-ledger-phase =    ⚖ ابلاغ { $notified } — { $phase }

## Statutory timers on resolutions: notification, objection window, objection, decision, binding
## (src/services/resolutions/statutory.ts, objections.ts; src/bot/features/objections/)
statutory-phase-objection_open = مهلت اعتراض تا { $until } باز است
statutory-phase-objected = اعتراض در { $objected }، در انتظار تصمیم
statutory-phase-binding = لازم‌الاجرا { $how }
statutory-phase-overdue = لازم‌الاجرا و معوق { $how }
statutory-phase-implemented = اجراشده
statutory-how-window = (مهلت اعتراض { $until } به پایان رسید)
statutory-how-confirmed = (اعتراض در { $decided } رد شد)
statutory-how-amended = (در { $decided } اصلاح شد)
statutory-card-notified = ⚖ مصوبه در { $notified } به دستگاه ابلاغ شد.
statutory-card-open = دستگاه می‌تواند تا { $until } یک بار و با ذکر دلایل مکتوب اعتراض کند؛ پس از آن مصوبه لازم‌الاجراست و مهلت اجرا جاری می‌شود.
statutory-card-objected =
    ✋ اعتراض در { $objected }: { $reasons }
    در انتظار تصمیم دبیرخانه یا رئیس کارگروه؛ تا آن زمان یادآوری‌های مهلت متوقف است.
statutory-card-binding = لازم‌الاجرا از { $since } { $how }.
statutory-card-amended = متن اصلاح‌شده: { $text }
statutory-binding-notice = ⚖ مهلت اعتراض به مصوبه پرونده { $code } در { $closed } بدون اعتراض به پایان رسید: مصوبه از هم‌اکنون برای دستگاه شما لازم‌الاجراست. مهلت اجرا: { $due }.
objection-button-object = ✋ اعتراض
objection-button-decide = ⚖ تصمیم درباره اعتراض
objection-button-uphold = ✔ تأیید مصوبه بدون تغییر
objection-button-amend = ✏ اصلاح متن مصوبه
objection-button-send = 📨 ارسال اعتراض
objection-button-save-amendment = 💾 ثبت اصلاحیه
objection-ask-reasons =
    ✋ اعتراض به مصوبه پرونده { $code }:
    { $text }
    مهلت اعتراض { $until } به پایان می‌رسد. دلایل دستگاه را بنویسید (دست‌کم { $min } نویسه). اعتراض فقط یک بار ممکن است.
objection-reasons-short = دلایل کوتاه است: دست‌کم { $min } نویسه بنویسید ({ $count } نویسه نوشتید). چیزی ارسال نشد.
objection-review =
    این اعتراض برای دبیرخانه و رئیس کارگروه ارسال شود؟
    { $reasons }
    پس از ارسال، اعتراض تغییر نمی‌کند و دوباره ممکن نیست.
objection-sent = اعتراض شما برای دبیرخانه و رئیس کارگروه ارسال شد. تا تصمیم آنان، یادآوری‌های مهلت متوقف است.
objection-filed-notice =
    ✋ اعتراض: { $agency } به مصوبه پرونده { $code } — { $unit } اعتراض کرده است:
    { $text }
    دلایل: { $reasons }
    مصوبه را بدون تغییر تأیید یا متن آن را اصلاح کنید.
objection-decision-screen =
    ⚖ اعتراض به مصوبه پرونده { $code } — { $unit }
    مصوبه: { $text }
    دستگاه: { $agency }
    اعتراض در { $objected } از سوی { $by }:
    { $reasons }
    مصوبه بدون تغییر تأیید شود یا متن آن اصلاح شود؟ در هر حال مصوبه از هم‌اکنون برای دستگاه لازم‌الاجراست.
objection-ask-amendment = متن اصلاح‌شده مصوبه پرونده { $code } را بنویسید ({ $min } تا { $max } نویسه):
objection-amendment-invalid = متن باید { $min } تا { $max } نویسه باشد.
objection-amendment-review =
    متن اصلاح‌شده مصوبه پرونده { $code }:
    { $text }
    ثبت شود؟ به دستگاه و تولیدکننده اطلاع داده می‌شود و مصوبه از هم‌اکنون لازم‌الاجراست.
objection-confirmed-done = مصوبه پرونده { $code } بدون تغییر تأیید شد؛ به دستگاه اطلاع داده شد که از هم‌اکنون لازم‌الاجراست.
objection-amended-done = مصوبه پرونده { $code } اصلاح شد؛ به دستگاه و تولیدکننده اطلاع داده شد.
objection-confirmed-notice =
    ⚖ اعتراض دستگاه شما به مصوبه پرونده { $code } پذیرفته نشد: مصوبه بدون تغییر باقی است و از هم‌اکنون برای دستگاه شما لازم‌الاجراست.
    { $text }
    مهلت اجرا: { $due }
objection-amended-notice =
    ⚖ در پی اعتراض دستگاه شما، مصوبه پرونده { $code } اصلاح شد و از هم‌اکنون لازم‌الاجراست:
    { $text }
    مهلت اجرا: { $due }
objection-amended-producer =
    مصوبه پرونده شما ({ $code }) اصلاح شد:
    { $text }
objection-error-not_found = این مصوبه پیدا نشد.
objection-error-forbidden = فقط نماینده دستگاه مسئول می‌تواند به این مصوبه اعتراض کند و فقط دبیرخانه یا رئیس کارگروه درباره اعتراض تصمیم می‌گیرد.
objection-error-not_notified = این مصوبه به دستگاهی ابلاغ نشده است و اعتراضی به آن ممکن نیست.
objection-error-window_closed = مهلت اعتراض در { $closed } به پایان رسیده است: مصوبه برای دستگاه لازم‌الاجراست و دیگر نمی‌توان به آن اعتراض کرد. چیزی ارسال نشد.
objection-error-already_objected = دستگاه شما پیش‌تر به این مصوبه اعتراض کرده است؛ اعتراض فقط یک بار ممکن است.
objection-error-implemented = این مصوبه اجرا شده است و اعتراضی به آن ممکن نیست.
objection-error-reasons_too_short = دلایل کوتاه است: دست‌کم { $min } نویسه بنویسید. چیزی ارسال نشد.
objection-error-reasons_too_long = دلایل بیش از اندازه بلند است (حداکثر { $max } نویسه).
objection-error-no_objection = اعتراضی برای تصمیم درباره این مصوبه وجود ندارد.
objection-error-already_decided = درباره این اعتراض پیش‌تر تصمیم گرفته شده است.
objection-error-invalid_text = متن باید { $min } تا { $max } نویسه باشد.
event-resolution_notified = مصوبه به دستگاه ابلاغ شد؛ مهلت اعتراض تا { $until }.
event-resolution_objected = { $actor } به مصوبه اعتراض کرد: { $reasons }
event-resolution_objection_confirmed = { $actor } اعتراض را رد کرد: مصوبه بدون تغییر باقی است.
event-resolution_amended = { $actor } در پی اعتراض، مصوبه را اصلاح کرد: { $text }
event-resolution_binding = مهلت اعتراض در { $closed } بدون اعتراض به پایان رسید: مصوبه برای دستگاه لازم‌الاجراست.

## Broadcasts (src/bot/features/broadcasts.ts, src/services/broadcasts.ts, src/jobs/broadcast-progress.ts)
broadcasts-menu = 📢 اطلاع‌رسانی همگانی
broadcasts-ask-group = اطلاعیه از طرف کدام کارگروه است؟
broadcasts-ask-content = متن اطلاعیه را بنویسید ({ $min } تا { $max } نویسه)، یا یک عکس یا سند با متن اطلاعیه در توضیح آن بفرستید (حداکثر { $caption } نویسه).
broadcasts-text-short = متن اطلاعیه بسیار کوتاه است (دست‌کم { $min } نویسه).
broadcasts-text-long = متن اطلاعیه بسیار بلند است (حداکثر { $max } نویسه).
broadcasts-ask-audience = اطلاعیه برای چه کسانی ارسال شود؟
broadcasts-audience-everyone = 👥 همه اعضای کارگروه و واحدها
broadcasts-audience-officials = 🏛 نمایندگان دستگاه‌های منتخب
broadcasts-audience-producers = 🏭 همه تولیدکنندگان
broadcasts-audience-meeting = 🗓 دعوت‌شدگان یک جلسه
broadcasts-audience-units = 🏷 واحدها بر اساس بخش یا وضعیت فعالیت
broadcasts-audience-county = 📍 واحدهای یک شهرستان
broadcasts-ask-agency-kinds = نوع دستگاه‌ها را انتخاب کنید (با زدن روی هر کدام)، سپس «تمام»:
broadcasts-ask-meeting = جلسه را انتخاب کنید:
broadcasts-no-meetings = هنوز جلسه‌ای با دعوت‌شده وجود ندارد.
broadcasts-ask-units = بخش و/یا وضعیت فعالیت را انتخاب کنید (مثلاً واحدهای راکد)، سپس «تمام»:
broadcasts-ask-county = نمایندگان واحدهای کدام شهرستان؟
broadcasts-choose-one = دست‌کم یک گزینه را انتخاب کنید.
broadcasts-preview =
    ↑ اطلاعیه به این شکل ارسال می‌شود.
    مخاطبان: { $audience }
    تعداد گیرندگان: { $count }
broadcasts-preview-empty =
    مخاطبان: { $audience }
    هیچ گیرنده‌ای با این انتخاب وجود ندارد. مخاطبان دیگری انتخاب کنید.
broadcasts-confirm = 📢 ارسال برای { $count } گیرنده
broadcasts-change-audience = 👥 تغییر مخاطبان
broadcasts-discarded = اطلاعیه ارسال نشد.
broadcasts-header = 📢 اطلاعیه دبیرخانه کارگروه تسهیل و رفع موانع تولید — { $group }
broadcasts-progress =
    📢 اطلاع‌رسانی همگانی شماره { $id } — { $state }
    ارسال‌شده: { $sent }
    ناموفق: { $failed }
    بات را مسدود کرده‌اند: { $blocked }
    لغوشده: { $cancelled }
    باقی‌مانده: { $remaining }
    تعداد گیرندگان: { $total }
broadcasts-state-DRAFT = پیش‌نویس
broadcasts-state-SENDING = در حال ارسال…
broadcasts-state-DONE = پایان‌یافته
broadcasts-state-CANCELLED = متوقف‌شده
broadcasts-cancel-button = ✖ توقف ارسال
broadcasts-cancelled-toast = ارسال متوقف شد.
broadcasts-report-all-reached =
    📢 اطلاع‌رسانی همگانی شماره { $id }: به همه گیرندگان رسید.
    { $summary }
broadcasts-report =
    📢 اطلاع‌رسانی همگانی شماره { $id }: گزارش پایانی.
    { $summary }
    این افراد دریافت نکردند:
    { $list }
broadcasts-unreached-blocked = • { $name }: بات را مسدود کرده است
broadcasts-unreached-failed = • { $name }: ارسال ناموفق ({ $error })
broadcasts-unreached-more = … و { $count } نفر دیگر
broadcasts-error-forbidden = ارسال اطلاعیه فقط از دبیرخانه کارگروه ساخته است.
broadcasts-error-not_found = این اطلاعیه یافت نشد.
broadcasts-error-invalid_input = برخی اطلاعات معتبر نیست؛ لطفاً بررسی کنید.
broadcasts-error-not_draft = این اطلاعیه پیش‌تر ارسال یا کنار گذاشته شده است.
broadcasts-error-not_sending = ارسال این اطلاعیه دیگر در جریان نیست.
broadcasts-error-empty_audience = هیچ گیرنده‌ای با این انتخاب وجود ندارد.
broadcasts-agency-kind-BANK = بانک‌ها
broadcasts-agency-kind-ELECTRICITY = برق
broadcasts-agency-kind-GAS = گاز
broadcasts-agency-kind-WATER = آب
broadcasts-agency-kind-TELECOM = مخابرات
broadcasts-agency-kind-TAX = امور مالیاتی
broadcasts-agency-kind-SOCIAL_SECURITY = تأمین اجتماعی
broadcasts-agency-kind-ENVIRONMENT = محیط زیست
broadcasts-agency-kind-NATURAL_RESOURCES = منابع طبیعی
broadcasts-agency-kind-INDUSTRIAL_ESTATES = شهرک‌های صنعتی
broadcasts-agency-kind-LAND_AFFAIRS = امور اراضی
broadcasts-agency-kind-CUSTOMS = گمرک
broadcasts-agency-kind-INDUSTRY_MINE_TRADE = صنعت، معدن و تجارت
broadcasts-agency-kind-AGRICULTURE = جهاد کشاورزی
broadcasts-agency-kind-FUEL = سوخت
broadcasts-agency-kind-CENTRAL_BANK = بانک مرکزی
broadcasts-agency-kind-GOVERNORATE = استانداری
broadcasts-agency-kind-OTHER = سایر

## Secretariat group
group-link-not-allowed = فقط عضو دبیرخانه یک کارگروه می‌تواند این گروه را به دبیرخانه همان کارگروه متصل یا از آن جدا کند.
group-linked = این گروه به عنوان گروه دبیرخانه «{ $group }» ثبت شد؛ اعلان پرونده‌های جدید اینجا هم ارسال می‌شود.
group-unlinked = اتصال این گروه به دبیرخانه برداشته شد.

## Statistics (src/bot/features/statistics.ts, src/services/statistics.ts)
command-stats = آمار کارگروه و عملکرد دستگاه‌ها (رئیس کارگروه، دبیرخانه)
stats-menu = 📊 آمار و عملکرد
stats-pick-group = آمار کدام کارگروه؟
stats-title = 📊 آمار کارگروه تسهیل و رفع موانع تولید { $group }
stats-period-month = { $month } { $year }
stats-period-season = سه‌ماهه { $quarter } سال { $year } ({ $season })
stats-period-year = سال { $year }
stats-quarter-1 = نخست
stats-quarter-2 = دوم
stats-quarter-3 = سوم
stats-quarter-4 = چهارم
stats-season-1 = بهار
stats-season-2 = تابستان
stats-season-3 = پاییز
stats-season-4 = زمستان
stats-period-range = دوره: { $period } (از { $from } تا { $to })
stats-as-of = وضعیت پرونده‌ها و اقدامات تا { $now }
stats-none = —
stats-percent = { $value }٪
stats-days = { $value } روز
stats-duration-minutes = { $value } دقیقه
stats-duration-hours = { $value } ساعت
stats-duration-days = { $value } روز
stats-cases-title = ۱. پرونده‌ها
stats-cases-none = در این دوره پرونده‌ای ثبت نشده است.
stats-cases-reported = پرونده‌های ثبت‌شده: { $count } (فوری: { $critical })
stats-cases-by-status = وضعیت کنونی: باز { $open } · حل‌شده { $resolved } · مختومه { $closed } · ردشده { $rejected } · تکراری { $duplicate }
stats-cases-by-category = موضوعات پرونده‌ها:
stats-category-line = • { $category }: { $count } مورد
stats-cases-units = واحدهای تولیدی که در این دوره مشکل ثبت کردند: { $count }
stats-irreversible = پرونده‌هایی که تاریخ غیرقابل‌بازگشت شدنشان در این دوره رسید: { $due } — پیش از تاریخ نجات یافت: { $saved } · اتفاق افتاد: { $lost } · نامعلوم: { $unknown }
stats-irreversible-none = تاریخ غیرقابل‌بازگشت شدن هیچ پرونده‌ای در این دوره نرسید.
stats-irreversible-late = { $count } پرونده پس از گذشتن تاریخ غیرقابل‌بازگشت ثبت شد (جدا شمرده شده است).
stats-first-action = میانه زمان از ثبت تا نخستین اقدام دبیرخانه: { $duration }
stats-resolution-time = میانه زمان از ثبت تا حل پرونده: { $duration }
stats-meetings-title = ۲. جلسات و مصوبات
stats-meetings-held = جلسات برگزارشده: کمیته تخصصی { $committee } · کارگروه { $workingGroup }
stats-resolutions = مصوبات ثبت‌شده: { $total } (اقدام { $task } · تصمیم { $decision } · اطلاع { $information })
stats-resolution-tasks = اقدامات مصوبات: باز { $open } · انجام‌شده { $done } · معوق { $overdue }
stats-agencies-title = ۳. عملکرد دستگاه‌های اجرایی (اقدامات ارجاع‌شده در این دوره؛ بیشترین دیرکرد در ابتدا)
stats-agencies-none = در این دوره اقدامی به دستگاه‌های اجرایی ارجاع نشده است.
stats-agency-line = { $mark } { $rank }. { $agency }
stats-agency-counts = ارجاع { $assigned } · انجام { $done } · رد { $refused } · باز { $open } · معوق { $overdue }
stats-agency-quality = انجام در مهلت { $rate } · میانگین دیرکرد { $late } · درخواست تمدید مهلت { $extensions }
stats-agency-refused-unexplained = ⚠ { $count } مورد رد بدون دلیل مکتوب
stats-overdue-title = مصوبات معوق به تفکیک دستگاه (تا امروز، همه دوره‌ها):
stats-overdue-none = مصوبه معوقی وجود ندارد.
stats-overdue-line = • { $agency }: { $count } مصوبه معوق؛ قدیمی‌ترین { $days } روز دیرکرد
stats-ratings-title = ۴. رضایت تولیدکنندگان
stats-ratings = میانگین امتیاز: { $average } از ۵ ({ $count } امتیاز)
stats-ratings-none = در این دوره امتیازی ثبت نشده است.
stats-button-month = این ماه
stats-button-season = سه‌ماهه جاری
stats-button-year = امسال
stats-button-file = 📄 دریافت جدول دستگاه‌ها به صورت فایل
stats-button-groups = « کارگروه‌ها
stats-file-caption = عملکرد دستگاه‌های اجرایی — { $group } — { $period }
stats-file-empty = در این دوره اقدامی به دستگاه‌های اجرایی ارجاع نشده است؛ جدولی برای ارسال وجود ندارد.
stats-csv-agency = دستگاه اجرایی
stats-csv-assigned = اقدامات ارجاع‌شده
stats-csv-done = انجام‌شده
stats-csv-done-on-time = انجام‌شده در مهلت
stats-csv-refused = ردشده
stats-csv-refused-with-reason = ردشده با دلیل مکتوب
stats-csv-open = باز
stats-csv-overdue = معوق
stats-csv-cancelled = لغوشده
stats-csv-on-time-rate = درصد انجام در مهلت
stats-csv-average-days-late = میانگین روزهای دیرکرد
stats-csv-extension-requests = درخواست‌های تمدید مهلت

## Agenda from the case card
queue-action-agenda = 📅 طرح در جلسه
meetings-pick-title = پرونده { $code } در کدام جلسه مطرح شود؟
meetings-pick-none = جلسه برنامه‌ریزی‌شده‌ای برای طرح پرونده { $code } وجود ندارد؛ ابتدا با /meetings جلسه‌ای تعریف کنید.

## Help for staff
help-section-secretariat = دبیرخانه کارگروه:
help-section-official = نماینده دستگاه اجرایی:
help-section-chair = رئیس کارگروه:
help-section-admin =
    مدیر سامانه: با /invite دبیرخانه، رئیس کارگروه و نماینده دستگاه را هم می‌توانید دعوت کنید.
    از دبیرخانه هر کارگروه شروع کنید: تا دعوت نشود، کسی به پرونده‌ها رسیدگی نمی‌کند.
start-admin-first-steps =
    شما مدیر سامانه هستید. قدم اول: دعوت دبیرخانه — { $groups ->
        [one] یک کارگروه
       *[other] { $groups } کارگروه
    } هنوز عضو دبیرخانه ندارد و پرونده‌های جدید کسی را برای رسیدگی ندارند. دکمه «✉ دعوت عضو جدید» را بزنید (یا /invite را بفرستید)، «دبیرخانه کارگروه» را انتخاب کنید و پیوند را برای آن شخص بفرستید.
    سپس دبیرخانه نمایندگان دستگاه‌ها را دعوت می‌کند.
group-link-in-group = /linkgroup در گروه تلگرامی دبیرخانه کار می‌کند: مرا به آن گروه اضافه کنید و /linkgroup را همان‌جا بفرستید؛ از آن پس اعلان پرونده‌های جدید آنجا هم ارسال می‌شود. /unlinkgroup در همان گروه این اتصال را قطع می‌کند.
command-linkgroup = اتصال گروه تلگرامی دبیرخانه (در همان گروه بفرستید)
command-unlinkgroup = قطع اتصال گروه تلگرامی دبیرخانه

## Agenda removal (src/services/meetings.ts removeAgendaItem)
meetings-producer-off-agenda = پرونده { $code } شما از دستور { $title } ({ $when }) خارج شد. پیگیری آن در دبیرخانه کارگروه ادامه دارد.

## The countdown to the irreversible date (src/services/countdown, features/countdown)
alert-countdown =
    ⏳ پرونده { $code } ({ $unit }) به تاریخ غیرقابل‌بازگشت نزدیک می‌شود: { $working } روز کاری ({ $days } روز) مانده است.
    فوریت به «{ $urgency }» رسید و هنوز کسی در دبیرخانه روی آن اقدامی ثبت نکرده است.
countdown-ask =
    امروز تاریخی است که برای پرونده { $code } ({ $unit }، { $category }) اعلام کرده بودید: { $date }.
    آیا اتفاق افتاد؟
countdown-button-averted = ✅ نه، جلوی آن گرفته شد
countdown-button-happened = ❌ بله، اتفاق افتاد
countdown-button-postponed = 📅 به تاریخ دیگری موکول شد
countdown-answered-averted = خوشحالیم که پیش از تاریخ جلوی مشکل گرفته شد. پاسخ شما در پرونده { $code } ثبت شد؛ پیگیری تا پایان کار ادامه دارد.
countdown-answered-happened = متأسفیم. پاسخ شما در پرونده { $code } ثبت شد و موضوع همین حالا به رئیس کارگروه و دبیرخانه گزارش شد.
countdown-question-stands = چیزی تغییر نکرد؛ پرسش همچنان باز است: آیا اتفاق افتاد؟
countdown-ask-date = تاریخ جدید را به شمسی بنویسید (مثلاً ۱۴۰۵/۱۰/۱۵) یا یکی را انتخاب کنید:
countdown-in-week = یک هفته دیگر
countdown-in-two-weeks = دو هفته دیگر
countdown-in-month = یک ماه دیگر
countdown-postponed = تاریخ پرونده { $code } به { $date } تغییر کرد و دبیرخانه مطلع شد. در آن روز دوباره از شما می‌پرسیم.
countdown-error-bad_date = تاریخ را به شکل سال/ماه/روز شمسی بنویسید، مثلاً ۱۴۰۵/۱۰/۱۵.
countdown-error-past = این تاریخ گذشته است؛ تاریخی در آینده بنویسید.
countdown-error-beyond_horizon = این تاریخ بیش از { $days } روز دیگر است؛ تاریخ را بررسی کنید.
countdown-error-not_found = این پرونده پیدا نشد.
countdown-error-answered = به این پرسش درباره پرونده { $code } پیش‌تر پاسخ داده شده است.
countdown-error-closed = پرونده { $code } بسته شده است و پاسخی لازم نیست.
countdown-error-stale = تاریخ پرونده { $code } پس از این پرسش تغییر کرده است؛ در تاریخ جدید دوباره می‌پرسیم.
alert-irreversible-happened =
    ❗ پرونده { $code } ({ $unit }، { $category }): تولیدکننده اعلام کرد مشکل در تاریخ { $date } اتفاق افتاد و غیرقابل‌بازگشت شد.
notice-irreversible-averted = ✅ پرونده { $code } ({ $unit }): تولیدکننده اعلام کرد تا تاریخ { $date } جلوی مشکل گرفته شد.
notice-irreversible-postponed = 📅 پرونده { $code } ({ $unit }): تولیدکننده تاریخ غیرقابل‌بازگشت شدن را از { $from } به { $to } تغییر داد.
event-urgency_raised = شمارش معکوس: { $working } روز کاری ({ $days } روز) تا تاریخ غیرقابل‌بازگشت مانده؛ فوریت به «{ $urgency }» رسید.
event-date_check_asked = در تاریخ { $date } از تولیدکننده پرسیده شد که آیا مشکل اتفاق افتاد.
event-irreversible_averted = { $actor } اعلام کرد تا تاریخ { $date } جلوی مشکل گرفته شد.
event-irreversible_happened = { $actor } اعلام کرد مشکل در تاریخ { $date } اتفاق افتاد.
event-irreversible_postponed = { $actor } تاریخ غیرقابل‌بازگشت شدن را از { $from } به { $to } تغییر داد.

## The cut-off fast track (src/services/fast-track, features/fast-track)
fast-track-action-hold = ✋ درخواست توقف قطع
fast-track-action-meeting = 🤝 جلسه مشترک با شرکت
fast-track-button-send = ✅ ارسال
fast-track-button-meeting = 📅 کارت جلسه
fast-track-hold-title = درخواست توقف قطع تا بررسی در کارگروه
fast-track-hold-confirm =
    درخواست توقف قطع برای پرونده { $code } به { $agency } فرستاده شود؟
    مهلت پاسخ: { $hours } ساعت اداری، تا { $at }. تا آن زمان هر ساعت اداری یادآوری می‌شود؛ پس از مهلت به مدیر دستگاه و سپس به رئیس کارگروه ارجاع می‌شود.
fast-track-hold-sent = درخواست توقف قطع پرونده { $code } فرستاده شد؛ مهلت پاسخ تا { $at }. تولیدکننده مطلع شد.
fast-track-meeting-confirm =
    جلسه مشترک فوری برای پرونده { $code } با { $agency } و نماینده واحد:
    زمان: { $when }
    مکان: { $place }
    جلسه کمیته تخصصی ساخته، پرونده در دستور آن قرار گرفته و دعوت‌نامه‌ها فرستاده شود؟ (زمان و مکان را بعداً در کارت جلسه می‌توانید تغییر دهید.)
fast-track-meeting-sent = جلسه مشترک برای پرونده { $code } در { $when } ({ $place }) تشکیل شد و { $invited } دعوت‌نامه فرستاده شد.
fast-track-default-place = دبیرخانه کارگروه
fast-track-notice-hold =
    ✋ درخواست فوری توقف قطع — پرونده { $code }
    واحد: { $unit }
    دبیرخانه کارگروه تسهیل و رفع موانع تولید از { $agency } درخواست می‌کند قطع را تا بررسی موضوع در کارگروه متوقف کند و نتیجه را تا { $at } ({ $hours } ساعت اداری) اعلام نماید.
    { $description }
fast-track-producer-hold = دبیرخانه کارگروه برای پرونده { $code } از { $agency } درخواست توقف قطع کرد؛ مهلت پاسخ شرکت تا { $at } است. نتیجه را به شما خبر می‌دهیم.
fast-track-error-not_cutoff = این اقدام فقط برای پرونده‌های اخطاریه قطع است.
fast-track-error-no_utility = شرکت خدمات‌دهنده این پرونده در کارگروه تعریف نشده است؛ ابتدا دستگاه را مشخص کنید.
fast-track-error-already_requested = برای این پرونده درخواست توقف قطعِ باز وجود دارد.
fast-track-error-no_officials = این دستگاه هنوز نماینده‌ای در بات ندارد؛ نماینده را دعوت کنید یا از طریق دیگری پیگیری کنید.
event-hold_requested = { $actor } از { $agencyFa } درخواست توقف قطع کرد؛ مهلت تا { $atFa }.
task-hold-reminder = ⏰ یادآوری فوری: درخواست توقف قطع پرونده { $code } ({ $agency }) — مهلت پاسخ تا { $at }.
task-hold-escalation-head =
    🔺 ارجاع: مهلت درخواست توقف قطع پرونده { $code } از { $agency } ({ $at }) گذشت و پاسخی ثبت نشد.
    نماینده: { $official }
task-hold-escalation-secretariat =
    🔺 ارجاع: درخواست توقف قطع پرونده { $code } از { $agency } هنوز بی‌پاسخ است (مهلت: { $at }).
    نماینده: { $official }
## Clocks that pause for the party that is waiting (src/services/clock-pauses.ts, src/domain/waiting-on.ts)
clock-party-producer = تولیدکننده
clock-party-agency = دستگاه اجرایی دیگر
clock-party-meeting = جلسه
clock-reason-info_requested = دبیرخانه از تولیدکننده اطلاعات خواسته است
clock-notice-paused = ⏸ پرونده { $code }: { $reason }. تا وقتی پرونده در انتظار { $party } است، ساعت اقدام شما متوقف است: در این مدت یادآوری ارسال نمی‌شود و مهلت به اندازه روزهای کاری توقف جابه‌جا خواهد شد.
clock-notice-resumed-moved = ▶️ پرونده { $code } دیگر در انتظار { $party } نیست و ساعت اقدام شما دوباره به کار افتاد. مهلت { $days } روز کاری جابه‌جا شد: { $due }
clock-notice-resumed = ▶️ پرونده { $code } دیگر در انتظار { $party } نیست و ساعت اقدام شما دوباره به کار افتاد. مهلت تغییری نکرد: { $due }
event-clock_paused = ساعت دستگاه اجرایی متوقف شد: در انتظار { $waitingOn ->
        [producer] تولیدکننده
        [agency] دستگاه اجرایی دیگر
       *[other] جلسه
    }.
event-clock_resumed = ساعت دستگاه اجرایی دوباره به کار افتاد (در انتظار { $waitingOn ->
        [producer] تولیدکننده
        [agency] دستگاه اجرایی دیگر
       *[other] جلسه
    } بود): { $days ->
        [0] مهلت تغییری نکرد، { $dueFa }
       *[other] مهلت { $days } روز کاری جابه‌جا شد، { $previousFa } ← { $dueFa }
    }.
task-card-paused = ⏸ ساعت از { $since } متوقف است، در انتظار { $party } ({ $reason })؛ { $days ->
        [0] هنوز روز کاری‌ای نگذشته است
       *[other] تا کنون { $days } روز کاری
    }. با پایان انتظار، یادآوری‌ها از سر گرفته می‌شود و مهلت به اندازه روزهای کاری توقف جابه‌جا می‌شود.
task-card-due-moved = ↪️ مهلت { $days } روز کاری جابه‌جا شد (انتظار برای { $party }، از { $from } تا { $to }).
waiting-on = ⏳ در انتظار: { $parties }
waiting-party-producer = تولیدکننده
waiting-party-producer-you = شما (از شما اطلاعات خواسته شده است)
waiting-party-secretariat = دبیرخانه کارگروه
waiting-party-agency = { $agency }
waiting-party-agency-other = دستگاه اجرایی دیگر
waiting-party-meeting = جلسه { $date }
waiting-party-meeting-other = جلسه
queue-task-paused = ⏸ ساعت از { $since } متوقف است، در انتظار { $party }
triage-error-case_finished = پرونده { $code } پیش‌تر به پایان رسیده است: دیگر در انتظار کسی نیست، پس نه پرسشی می‌توان فرستاد و نه ساعتی را متوقف کرد. چیزی تغییر نکرد.
stats-agency-response = زمان پاسخ‌گویی (میانه) { $gross } · بدون زمان انتظار برای دیگران { $net }

## Long lists to pick from (src/bot/presenters/picker.ts)
picker-type-to-search = یا چند حرف از نامش را بنویسید تا پیدا شود.
picker-found = نتیجه جست‌وجوی «{ $query }»:
picker-not-found = نامی با «{ $query }» پیدا نشد. چند حرف دیگر بنویسید، یا از فهرست انتخاب کنید.
picker-provinces = استان‌ها ({ $count })
picker-free-zones = مناطق آزاد ({ $count })
picker-page = صفحه { $page } از { $pages }
picker-all-groups = « همه کارگروه‌ها
picker-all-agencies = « همه دستگاه‌ها

## Reference data and the audit trail (the admin area, src/bot/features/admin/)
command-admin = اطلاعات پایه کارگروه‌های شما: دستگاه‌های اجرایی، شهرستان‌ها، شهرک‌های صنعتی؛ سابقه تغییرات (مدیران)
admin-menu = ⚙️ اطلاعات پایه
admin-pick-group = اطلاعات پایه کدام کارگروه؟
admin-all-groups = « همه کارگروه‌ها
admin-group-home = ⚙️ اطلاعات پایه { $group }. چه چیزی را مدیریت می‌کنید؟
admin-list-agency = 🏢 دستگاه‌های اجرایی ({ $count })
admin-list-county = 🗺 شهرستان‌ها ({ $count })
admin-list-estate = 🏭 شهرک‌های صنعتی ({ $count })
admin-audit-button = 📜 سابقه تغییرات
admin-inactive-label = ⛔ { $name }
admin-list-title-agency = دستگاه‌های اجرایی { $group }: { $total } دستگاه{ $inactive ->
        [0] {""}
       *[other] ، { $inactive } غیرفعال (⛔)
    } — صفحه { $page } از { $pages }. برای تغییر نام، غیرفعال کردن یا تعیین رئیس، یکی را انتخاب کنید.
admin-list-title-county = شهرستان‌های { $group }: { $total } شهرستان{ $inactive ->
        [0] {""}
       *[other] ، { $inactive } غیرفعال (⛔)
    } — صفحه { $page } از { $pages }.
admin-list-title-estate = شهرک‌های صنعتی { $group }: { $total ->
        [0] هنوز هیچ
       *[other] { $total } شهرک
    }{ $inactive ->
        [0] {""}
       *[other] ، { $inactive } غیرفعال (⛔)
    } — صفحه { $page } از { $pages }. تولیدکنندگان هنگام ثبت واحد از میان شهرک‌های فعال انتخاب می‌کنند.
admin-add-agency = ➕ افزودن دستگاه اجرایی
admin-add-county = ➕ افزودن شهرستان
admin-add-estate = ➕ افزودن شهرک صنعتی
admin-card-title-agency = 🏢 دستگاه اجرایی
admin-card-title-county = 🗺 شهرستان
admin-card-title-estate = 🏭 شهرک صنعتی
admin-card-name-fa = نام فارسی: { $name }
admin-card-name-en = نام انگلیسی: { $name }
admin-card-kind = نوع: { $kind }
admin-card-active = وضعیت: ✅ فعال (در فهرست‌های انتخاب نمایش داده می‌شود)
admin-card-inactive = وضعیت: ⛔ غیرفعال (دیگر پیشنهاد نمی‌شود؛ پرونده‌های قبلی همچنان نام آن را نشان می‌دهند)
admin-card-head = رئیس: { $heads }
admin-card-no-head = هنوز تعیین نشده
admin-rename = ✏ تغییر نام
admin-deactivate = ⛔ غیرفعال کردن
admin-reactivate = ✅ فعال کردن دوباره
admin-set-head = 👤 تعیین رئیس
admin-ask-kind = نوع این دستگاه اجرایی چیست؟
admin-ask-name-fa = نام فارسی آن را بنویسید (مثلاً: شرکت گاز استان کرمان).
admin-ask-name-en = نام انگلیسی آن را بنویسید (مثلاً: Kerman Gas Company).
admin-ask-rename-fa = نام فارسی فعلی: { $current }
    نام فارسی تازه را بنویسید یا همین را نگه دارید.
admin-ask-rename-en = نام انگلیسی فعلی: { $current }
    نام انگلیسی تازه را بنویسید یا همین را نگه دارید.
admin-keep-name = همین بماند
admin-name-length-fa = نام باید یک خط و بین { $min } تا { $max } نویسه باشد. نام فارسی را دوباره بنویسید.
admin-name-length-en = نام باید یک خط و بین { $min } تا { $max } نویسه باشد. نام انگلیسی را دوباره بنویسید.
admin-name-letters-fa = نام دست‌کم دو حرف لازم دارد. نام فارسی را دوباره بنویسید.
admin-name-letters-en = نام دست‌کم دو حرف لازم دارد. نام انگلیسی را دوباره بنویسید.
admin-name-characters-fa = نام فقط می‌تواند حروف فارسی یا لاتین، رقم، فاصله و - . , ، ( ) / ' & داشته باشد. نام فارسی را دوباره بنویسید.
admin-name-characters-en = نام انگلیسی فقط می‌تواند حروف لاتین، رقم، فاصله و - . , ( ) / ' & داشته باشد. نام انگلیسی را دوباره بنویسید.
admin-name-script-fa = نام فارسی باید حروف فارسی داشته باشد. نام فارسی را دوباره بنویسید.
admin-name-script-en = نام انگلیسی باید با حروف لاتین باشد. نام انگلیسی را دوباره بنویسید.
admin-confirm-add-agency = این دستگاه اجرایی افزوده شود؟
admin-confirm-add-county = این شهرستان افزوده شود؟
admin-confirm-add-estate = این شهرک صنعتی افزوده شود؟
admin-confirm-rename-agency = نام دستگاه اجرایی به این تغییر کند:
admin-confirm-rename-county = نام شهرستان به این تغییر کند:
admin-confirm-rename-estate = نام شهرک صنعتی به این تغییر کند:
admin-added = ✅ افزوده شد: { $name } ({ $nameEn }).
admin-renamed = ✅ نام تغییر کرد: { $name } ({ $nameEn }).
admin-deactivated = ⛔ { $name } غیرفعال شد: دیگر در فهرست‌های انتخاب نمی‌آید. پرونده‌های قبلی همچنان نام آن را نشان می‌دهند.
admin-reactivated = ✅ { $name } دوباره فعال شد.
admin-pick-head = رئیس { $agency } کیست؟ اقدامات معوق این دستگاه به رئیس آن ارجاع می‌شود. یکی از نمایندگان دستگاه را انتخاب کنید:
admin-no-officials = { $agency } هنوز نماینده‌ای ندارد. ابتدا با /invite نمایندگان را دعوت کنید، سپس رئیس را اینجا تعیین کنید.
admin-head-current = ⭐ { $name } (رئیس فعلی)
admin-head-set = ✅ { $name } اکنون رئیس دستگاه است.
admin-forbidden = فقط مدیر سامانه این کارگروه می‌تواند اطلاعات پایه آن را تغییر دهد. چیزی تغییر نکرد.
admin-not-found = این مورد پیدا نشد یا از کارگروه‌های شما نیست. چیزی تغییر نکرد.
admin-name-taken = مورد دیگری در این کارگروه همین نام (فارسی یا انگلیسی) را دارد. نام دیگری انتخاب کنید.
admin-unchanged = هر دو نام همان قبلی است: چیزی برای ذخیره نیست. نام فارسی تازه را بنویسید یا انصراف دهید.
admin-invalid-input = این پاسخ معتبر نبود. چیزی تغییر نکرد.
admin-not-a-member = این شخص دیگر نماینده این دستگاه نیست. شخص دیگری را انتخاب کنید.
admin-kind-BANK = بانک
admin-kind-ELECTRICITY = برق
admin-kind-GAS = گاز
admin-kind-WATER = آب
admin-kind-TELECOM = مخابرات
admin-kind-TAX = امور مالیاتی
admin-kind-SOCIAL_SECURITY = تأمین اجتماعی
admin-kind-ENVIRONMENT = محیط زیست
admin-kind-NATURAL_RESOURCES = منابع طبیعی
admin-kind-INDUSTRIAL_ESTATES = شهرک‌های صنعتی
admin-kind-LAND_AFFAIRS = امور اراضی
admin-kind-CUSTOMS = گمرک
admin-kind-INDUSTRY_MINE_TRADE = صنعت، معدن و تجارت
admin-kind-AGRICULTURE = جهاد کشاورزی
admin-kind-FUEL = سوخت
admin-kind-CENTRAL_BANK = بانک مرکزی
admin-kind-GOVERNORATE = استانداری
admin-kind-OTHER = سایر
admin-audit-title = 📜 سابقه تغییرات { $group }: { $total ->
        [0] هنوز چیزی ثبت نشده
       *[other] { $total } مورد
    }، تازه‌ترین در ابتدا (صفحه { $page } از { $pages }).
admin-audit-empty = هنوز چیزی تغییر نکرده است.
admin-audit-line = { $number }. { $when } · { $actor } · { $what }
admin-audit-system = سامانه
admin-entity-agency = دستگاه اجرایی
admin-entity-county = شهرستان
admin-entity-industrial_estate = شهرک صنعتی
admin-entity-membership = نقش
admin-audit-created = { $entity } «{ $name }» را افزود
admin-audit-renamed = نام { $entity } «{ $before }» را به «{ $after }» تغییر داد
admin-audit-deactivated = { $entity } «{ $name }» را غیرفعال کرد
admin-audit-reactivated = { $entity } «{ $name }» را دوباره فعال کرد
admin-audit-head-set = رئیس «{ $name }» را تعیین کرد: { $before } ← { $after }
admin-audit-membership-invitation_accepted = دعوت‌نامه را پذیرفت: { $person } اکنون { $role } است
admin-audit-membership-granted = نقش { $role } را به { $person } داد
admin-audit-membership-revoked = نقش { $role } را از { $person } گرفت
admin-field-estate = شهرک صنعتی: { $estate }
admin-register-ask-estate = آیا واحد در یکی از این شهرک‌های صنعتی است؟
admin-register-estate-none = در شهرک صنعتی نیست
admin-audit-global-button = 📜 سابقه تغییرات نقش‌های سراسری
admin-audit-global-name = نقش‌های سراسری (همه کارگروه‌ها)
## report: the period report's paragraph, charts, workbook and document (src/services/report/render/)
period-report-quarter-name = { $quarter ->
        [1] نخست
        [2] دوم
        [3] سوم
       *[4] چهارم
    }
period-report-season-name = { $quarter ->
        [1] بهار
        [2] تابستان
        [3] پاییز
       *[4] زمستان
    }
period-report-period-quarter = سه‌ماهه { $ordinal } سال { $year }
period-report-period-quarter-short = { $season } { $year }
period-report-period-month = { $month } { $year }
period-report-period-year = سال { $year }
period-report-period-year-short = { $year }
period-report-period-custom = دوره { $from } تا { $to }
period-report-period-custom-short = { $from } تا { $to }
period-report-previous = { $kind ->
        [quarter] سه‌ماهه پیش
        [month] ماه پیش
        [year] سال پیش
       *[other] دوره پیش
    }
period-report-change = { $direction ->
        [up] { $delta } مورد بیشتر از { $previous }
        [down] { $delta } مورد کمتر از { $previous }
       *[same] برابر با { $previous }
    }
period-report-paragraph-meetings = { $workingGroup ->
        [0] در { $period } جلسه‌ای از کارگروه تسهیل و رفع موانع تولید { $group } برگزار نشد
       *[other] در { $period } تعداد { $workingGroup } جلسه کارگروه تسهیل و رفع موانع تولید { $group }{ $workingGroupChange } برگزار شد
    }{ $committee ->
        [0] .
       *[other] {" "}و تعداد { $committee } جلسه کمیته‌های تخصصی{ $committeeChange } برای بررسی وضعیت واحدها تشکیل شد.
    }
period-report-paragraph-heard = در این جلسات به مشکلات { $units } واحد تولیدی{ $unitsChange } رسیدگی شد و { $resolutions } مصوبه{ $resolutionsChange } برای کمک به واحدها تصویب و پیگیری گردید.
period-report-paragraph-topics = بیشترین موضوعات مطرح‌شده { $topics } بوده است.
period-report-paragraph-topic = { $topic } با { $count } مورد
period-report-list-comma = ،{" "}
period-report-list-and = {" "}و{" "}
period-report-paragraph-introduced-one = { $units } واحد تولیدی به { $agency } معرفی شدند.
period-report-paragraph-introduced-many = { $units } واحد تولیدی به دستگاه‌های اجرایی معرفی شدند، از جمله { $top } واحد به { $agency }.
period-report-paragraph-financing = مبلغ { $amount } تسهیلات به { $units } واحد تولیدی اعطا شد{ $change }.
period-report-paragraph-financing-change = ({ $previous }: { $amount } به { $units } واحد)
period-report-paragraph-irreversible = { $saved } پرونده پیش از آنکه مشکل به مرحله غیرقابل‌بازگشت برسد حل شد{ $after ->
        [0] .
       *[other] {" "}و { $after } پرونده پس از آن.
    }
period-report-title = گزارش کارگروه تسهیل و رفع موانع تولید { $group } — { $period }
period-report-generated = تهیه‌شده در { $at }
period-report-range = از { $from } تا { $to }
period-report-percent = { $value }٪
period-report-none = —
period-report-chart-topics = موضوعات مطرح‌شده در جلسات
period-report-chart-topics-caption = 📊 موضوعات مطرح‌شده در جلسات کارگروه { $group } — { $period }، در مقایسه با { $previous }
period-report-chart-agencies = انجام به‌موقع اقدامات دستگاه‌های اجرایی (کمترین در بالا)
period-report-chart-agencies-caption = 📊 سهم اقدامات انجام‌شده در مهلت، به تفکیک دستگاه اجرایی — { $period }
period-report-chart-on-time = انجام در مهلت
period-report-chart-by-month = پرونده‌ها و مصوبات ماه به ماه
period-report-chart-by-month-caption = 📈 پرونده‌های ثبت‌شده و حل‌شده و مصوبات، ماه به ماه تا پایان { $period }
period-report-series-cases-reported = پرونده‌های ثبت‌شده
period-report-series-cases-resolved = پرونده‌های حل‌شده
period-report-series-resolutions = مصوبات
period-report-sheet-summary = خلاصه
period-report-sheet-meetings = جلسات
period-report-sheet-topics-heard = موضوعات جلسات
period-report-sheet-topics-reported = موضوعات پرونده‌ها
period-report-sheet-agencies = دستگاه‌های اجرایی
period-report-sheet-banks = بانک‌ها
period-report-sheet-by-month = ماه به ماه
period-report-sheet-introduced = واحدهای معرفی‌شده
period-report-col-figure = شاخص
period-report-col-change = تغییر
period-report-col-change-share = درصد تغییر
period-report-col-meeting-kind = نوع جلسه
period-report-col-topic = موضوع
period-report-col-share = سهم از کل
period-report-col-agency = دستگاه اجرایی
period-report-col-bank = بانک
period-report-col-month = ماه
period-report-col-month-start = نخستین روز ماه
period-report-col-from = آغاز دوره
period-report-col-to = پایان دوره
period-report-col-generated = تاریخ تهیه
period-report-col-jalali = تاریخ شمسی
period-report-col-date = تاریخ میلادی
period-report-col-tasks-assigned = اقدامات ارجاع‌شده
period-report-col-done-on-time = انجام در مهلت
period-report-col-done-late = انجام با دیرکرد
period-report-col-open = باز
period-report-col-overdue = معوق
period-report-col-refused-with-reasons = رد با دلیل مکتوب
period-report-col-refused-without-reasons = رد بدون دلیل مکتوب
period-report-col-extensions = درخواست تمدید مهلت
period-report-col-median-response = میانه زمان پاسخ (ساعت)
period-report-col-resolutions-assigned = مصوبات ابلاغ‌شده
period-report-col-resolutions-implemented = مصوبات اجراشده
period-report-col-on-time-share = درصد انجام در مهلت
period-report-col-implemented-share = درصد اجرای مصوبات
period-report-col-loan-requests = درخواست‌های تسهیلات
period-report-col-approved = موافقت‌شده
period-report-col-amount-tomans = مبلغ موافقت‌شده (تومان)
period-report-col-refused = ردشده
period-report-col-pending = در انتظار
period-report-col-cases-reported = پرونده‌های ثبت‌شده
period-report-col-cases-resolved = پرونده‌های حل‌شده
period-report-col-resolutions = مصوبات ثبت‌شده
period-report-col-units = واحدهای معرفی‌شده
period-report-figure-meetings-working-group = جلسات کارگروه
period-report-figure-meetings-committee = جلسات کمیته تخصصی
period-report-figure-units-heard = واحدهای تولیدی رسیدگی‌شده
period-report-figure-resolutions = مصوبات
period-report-figure-cases-reported = پرونده‌های ثبت‌شده
period-report-figure-cases-resolved = پرونده‌های حل‌شده
period-report-figure-units-introduced = واحدهای معرفی‌شده به دستگاه‌ها
period-report-figure-financing-amount = تسهیلات موافقت‌شده (تومان)
period-report-figure-units-financed = واحدهای دریافت‌کننده تسهیلات
period-report-figure-financing-refused = درخواست‌های تسهیلات ردشده
period-report-figure-saved-before = حل‌شده پیش از مرحله غیرقابل‌بازگشت
period-report-figure-irreversible-after = پس از مرحله غیرقابل‌بازگشت
period-report-doc-charts = نمودارها
period-report-doc-footer = گزارش سامانه تسهیل؛ اعداد از پرونده‌ها، جلسات و مصوبات ثبت‌شده در سامانه شمرده شده است.
## گزارش فصلی (issue 12): ‎/quarterly، انتخاب دوره، صفحهٔ گزارش، تصمیم بانک دربارهٔ تسهیلات، گزارشی که خودکار فرستاده می‌شود
command-quarterly = گزارش فصلی: هر دوره، در مقایسه با دورهٔ قبل، با نمودار و فایل (رئیس، دبیرخانه)
report-menu = 📑 گزارش فصلی
report-button-from-stats = 📑 گزارش فصلی
report-pick-group = گزارش کدام کارگروه؟
report-pick-period = 📑 گزارش { $group }: کدام دوره؟
report-pick-month = 📑 { $group }: کدام ماه { $year }؟
report-button-this-quarter = این فصل
report-button-last-quarter = فصل گذشته
report-button-this-year = امسال
report-button-last-year = سال گذشته
report-button-months = ماه‌ها…
report-button-custom = بازهٔ دلخواه…
report-button-groups = « کارگروه‌ها
report-button-periods = « دورهٔ دیگر
report-button-charts = 📊 نمودارها
report-button-workbook = 📗 فایل اکسل
report-button-document = 📄 سند گزارش
report-button-paragraph = 📝 متن خبر
report-ask-range = روز اول و آخر را به تاریخ شمسی بنویسید؛ مثلاً ۱۴۰۵/۰۱/۰۱ تا ۱۴۰۵/۰۳/۳۱
report-range-format = این تاریخ‌ها را نتوانستم بخوانم. دو تاریخ شمسی بنویسید؛ مثلاً ۱۴۰۵/۰۱/۰۱ تا ۱۴۰۵/۰۳/۳۱
report-range-backwards = روز اول بعد از روز آخر است. تاریخ زودتر را اول بنویسید.
report-range-too-long = بازه حداکثر { $max } روز می‌تواند باشد.
report-future = این دوره هنوز شروع نشده است.
report-period-month = { $month } { $year }
report-period-quarter = فصل { $quarter } سال { $year }
report-period-year = سال { $year }
report-period-custom = { $from } تا { $to }
report-title = 📑 { $group } — { $period }
report-compared = در مقایسه با { $previous }
report-line = { $label }: { $current } ({ $change })
report-item = • { $name }: { $current } ({ $change })
report-change-up = ▲{ $delta }
report-change-down = ▼{ $delta }
report-change-same = بدون تغییر
report-none = —
report-percent = ٪{ $value }
report-hours = { $value } ساعت
report-more = …و { $count } مورد دیگر (در فایل اکسل)
report-meetings = جلسات برگزارشده ({ $kind })
report-units-heard = واحدهای تولیدی رسیدگی‌شده
report-resolutions = مصوبات
report-cases-reported = پرونده‌های ثبت‌شده
report-cases-resolved = پرونده‌های حل‌شده
report-topics-heard = موضوعات مطرح‌شده در جلسات (دستور جلسه):
report-topics-reported = موضوعات پرونده‌های ثبت‌شده:
report-units-introduced = واحدهای معرفی‌شده به دستگاه‌ها
report-financing-amount = تسهیلات مصوب
report-financing-units = واحدهای دریافت‌کنندهٔ تسهیلات
report-financing-refused = درخواست‌های تسهیلات ردشده
report-irreversible-before = حل‌شده پیش از تاریخ بازگشت‌ناپذیر
report-irreversible-after = حل‌شده پس از آن، یا از دست رفته
report-agencies-title = دستگاه‌ها (کمترین سهم به‌موقع اول):
report-agency-line = • { $name }: { $assigned } وظیفه · به‌موقع { $onTime } · با تأخیر { $late } · باز { $open } (معوق { $overdue }) · رد { $refused } (بی‌دلیل مکتوب { $unreasoned }) · درخواست تمدید { $extensions } · میانهٔ پاسخ { $median } · سهم به‌موقع { $share } · مصوبات { $resolutions }، اجراشده { $implemented }
report-banks-title = بانک‌ها:
report-bank-line = • { $name }: { $requests } درخواست تسهیلات · مصوب { $approved } ({ $amount }) · رد { $refused } (با دلیل مکتوب { $reasoned }) · در جریان { $pending }
report-file-caption = { $group } — { $period }
report-auto-intro = 📑 گزارش { $group } برای { $period } که پایان دوره خودکار فرستاده شد. برای دوره‌های دیگر ‎/quarterly را بزنید.
report-loan-ask = تسهیلات تصویب شد؟ تصمیم را برای گزارش کارگروه ثبت کنید، یا صرف‌نظر کنید.
report-loan-button-approved = ✅ تصویب شد (مبلغ)
report-loan-button-refused = ❌ رد شد (دلایل)
report-loan-ask-amount = مبلغ مصوب را به ریال بنویسید؛ مثلاً ۲۵٬۰۰۰٬۰۰۰٬۰۰۰ یا ۲۵ میلیارد (اگر منظورتان تومان است «تومان» را هم بنویسید).
report-loan-amount-invalid = این مبلغ را نتوانستم بخوانم. فقط عدد را بنویسید؛ مثلاً ۲۵۰۰۰۰۰۰۰۰۰ یا ۲۵ میلیارد.
report-loan-ask-reasons = دلایل بانک برای رد را بنویسید (دست‌کم { $min } حرف): کارگروه دلایل هر بانک را مکتوب می‌خواهد.
report-loan-notice-approved = تسهیلات تصویب شد: { $amount }
report-loan-notice-refused = تسهیلات رد شد: { $reasons }

## batch referral (/refer: many cases to one agency in one act, one letter; src/services/referrals, features/batch-referral)
command-refer = ارجاع گروهی پرونده‌ها به یک دستگاه (دبیرخانه)
batch-menu = 📨 ارجاع گروهی
batch-ask-group = ارجاع گروهی: پرونده‌های کدام کارگروه؟
batch-any = همه
batch-any-referable = همهٔ پرونده‌های باز
batch-filter-c = موضوع
batch-filter-s = زیرموضوع
batch-filter-y = شهرستان
batch-filter-e = شهرک صنعتی
batch-filter-t = وضعیت
batch-filter-line = { $name }: { $value }
batch-ask-filter-c = کدام موضوع؟
batch-ask-filter-s = کدام زیرموضوع؟
batch-ask-filter-y = واحدهای کدام شهرستان؟
batch-ask-filter-e = واحدهای کدام شهرک صنعتی؟
batch-ask-filter-t = پرونده‌ها در کدام وضعیت؟
batch-filters =
    ارجاع گروهی — پرونده‌ها را انتخاب کنید.
    { $filters }

    { $cases ->
        [0] هیچ پروندهٔ بازی با این شرط‌ها نیست.
       *[other] { $cases } پرونده از { $units } واحد با این شرط‌ها هست.
    }
batch-filters-done = ادامه با { $cases } پرونده ◀
batch-ask-agency = به کدام دستگاه ارجاع شوند؟
batch-ask-request = از دستگاه برای این واحدها چه می‌خواهید؟ ({ $min } تا { $max } نویسه؛ متن نامه همین است.)
batch-ask-deadline = مهلت تا کی؟ یکی از مهلت‌ها (روز کاری) را انتخاب کنید یا تاریخ شمسی بنویسید (مثلاً ۱۴۰۵/۱۰/۱۵).
batch-due-in = { $days } روز کاری ({ $date })
batch-preview =
    { $cases } پرونده از { $units } واحد به { $agency } با مهلت { $due } ارجاع می‌شود.

    درخواست: { $request }

    { $filters }

    هر پرونده وظیفهٔ خودش را (با یادآوری‌های معمول) می‌گیرد و به هر تولیدکننده خبر داده می‌شود؛ کارشناسان دستگاه یک نامه با فهرست واحدها دریافت می‌کنند.
batch-preview-empty =
    دیگر هیچ پرونده‌ای با این شرط‌ها نیست.
    { $filters }
batch-preview-no-agency = این دستگاه دیگر در این کارگروه فعال نیست؛ دستگاه دیگری انتخاب کنید.
batch-preview-too-many = { $cases } پرونده با این شرط‌ها هست؛ در یک نوبت حداکثر { $max } پرونده ارجاع می‌شود. شرط‌ها را محدودتر کنید.
batch-confirm = ✅ ارجاع { $cases } پرونده
batch-edit-filters = ✏️ شرط‌ها
batch-edit-agency = ✏️ دستگاه
batch-edit-request = ✏️ درخواست
batch-edit-deadline = ✏️ مهلت
batch-working = در حال ارجاع { $cases } پرونده…
batch-done = ارجاع گروهی شمارهٔ { $number }: { $cases } پرونده از { $units } واحد به { $agency } با مهلت { $due } ارجاع شد.
batch-done-before = این کار قبلاً انجام شده است — ارجاع گروهی شمارهٔ { $number }: { $cases } پرونده از { $units } واحد به { $agency } با مهلت { $due }.
batch-done-letter = نامهٔ فهرست واحدها برای { $officials } کارشناس دستگاه فرستاده شد.
batch-done-no-officials = این دستگاه هنوز کارشناسی در بات ندارد؛ نامهٔ زیر را خودتان برایشان بفرستید.
batch-skipped = ارجاع نشد ({ $count }):
batch-skipped-not_in_group = • { $code }: پروندهٔ این کارگروه نیست
batch-skipped-finished = • { $code }: بسته شده یا دیگر قابل ارجاع نیست
batch-skipped-not_referable = • { $code }: اکنون قابل ارجاع نیست
batch-skipped-already_referred = • { $code }: پیش‌تر به همین دستگاه ارجاع شده است (وظیفه‌اش باز است)
batch-skipped-more = … و { $count } پروندهٔ دیگر.
batch-button-queue = 📋 کارتابل
batch-letter-copy = رونوشت نامه برای شما.
batch-button-my-tasks = 📋 وظایف من
batch-notice-officials =
    📨 ارجاع گروهی شمارهٔ { $number } از کارگروه { $group }: { $cases } پرونده از { $units } واحد، مهلت { $due }.

    درخواست: { $request }

    نامهٔ بالا فهرست واحدهاست؛ هر پرونده یک وظیفه در فهرست شماست.
batch-letter-caption = نامهٔ ارجاع گروهی شمارهٔ { $number } به { $agency }
batch-letter-sheet = ارجاع
batch-letter-title = کارگروه { $group } — ارجاع گروهی شمارهٔ { $number }
batch-letter-to = به
batch-letter-date = تاریخ
batch-letter-request = درخواست
batch-letter-deadline = مهلت
batch-letter-count = تعداد واحدها
batch-letter-col-code = کد رهگیری
batch-letter-col-unit = واحد
batch-letter-col-legal-id = شناسه ملی
batch-letter-col-county = شهرستان
batch-letter-col-estate = شهرک صنعتی
batch-letter-col-category = موضوع
batch-error-forbidden = این کار فقط از دبیرخانهٔ همین کارگروه برمی‌آید.
batch-error-invalid_filter = این انتخاب دیگر معتبر نیست. با /refer دوباره شروع کنید.
batch-error-invalid_agency = این دستگاه در این کارگروه فعال نیست.
batch-error-empty = هیچ‌یک از این پرونده‌ها قابل ارجاع نبود (همه بسته شده یا جلو رفته‌اند)؛ کاری انجام نشد.
batch-error-too_many = در یک نوبت حداکثر { $max } پرونده ارجاع می‌شود.
batch-error-invalid_text = درخواست باید { $min } تا { $max } نویسه باشد.
batch-error-holiday = آن روز تعطیل است؛ یک روز کاری انتخاب کنید.
batch-from-queue = 📨 ارجاع گروهی همین پرونده‌ها
admin-entity-referral_batch = ارجاع گروهی
command-units = واحدهای شما و نمایندگانشان
reps-menu-mine = 🏭 واحدهای من
reps-button-of-case = 👥 نمایندگان واحد
reps-button-menu = ☰ منو
reps-button-back = « بازگشت
reps-title = نمایندگان { $unit } ({ $count }):
reps-line = { $number }. { $name } — از { $since }
reps-button-remove = ✖ حذف { $name }
reps-button-invite = ➕ دعوت نمایندهٔ تازه
reps-open-invitations = { $count } دعوت‌نامه هنوز باز است.
reps-invitation =
    این پیوند را برای نمایندهٔ تازهٔ { $unit } بفرستید. یک بار و تا { $expires } کار می‌کند:
    { $link }
reps-remove-ask = { $name } از نمایندگی { $unit } حذف شود؟ پرونده‌های واحد بی‌درنگ از دسترس او خارج می‌شود و پرونده‌هایی که گزارش کرده به قدیمی‌ترین نمایندهٔ واحد می‌رسد.
reps-button-remove-yes = ✖ بله، حذف شود
reps-removed = { $name } دیگر نمایندهٔ { $unit } نیست.{ $count ->
        [0] {""}
       *[other] {" "}{ $count } پرونده‌ای که گزارش کرده بود به نمایندهٔ دیگری رسید.
    }
reps-mine-none = شما نمایندهٔ هیچ واحدی نیستید.
reps-mine-title = واحدهای شما:
reps-mine-line = { $number }. { $unit } — { $count ->
        [one] تنها نمایندهٔ آن شمایید
       *[other] { $count } نماینده
    }
reps-mine-only-one = هر واحد دست‌کم یک نماینده دارد؛ برای سپردن نمایندگی، از دبیرخانه بخواهید اول نمایندهٔ تازه را دعوت کند.
reps-button-leave = کناره‌گیری از { $unit }
reps-leave-ask = از نمایندگی { $unit } کناره می‌گیرید؟ دیگر پرونده‌های آن را نمی‌بینید و پرونده‌هایی که گزارش کرده‌اید به نمایندهٔ دیگری می‌رسد.
reps-button-leave-yes = بله، کناره می‌گیرم
reps-left = دیگر نمایندهٔ { $unit } نیستید.
reps-joined = اکنون نمایندهٔ { $unit } هستید: پرونده‌هایش در /cases است و از آن‌ها باخبر می‌شوید.
reps-already = شما از پیش نمایندهٔ { $unit } هستید.
reps-notice-joined = 👥 { $name } با دعوت‌نامه نمایندهٔ { $unit } شد.
reps-notice-left = 👥 { $name } از نمایندگی { $unit } کناره گرفت.
reps-notice-removed = شما دیگر نمایندهٔ { $unit } در تسهیل نیستید؛ پرونده‌های آن دیگر به شما نشان داده نمی‌شود.
reps-notice-cases-moved = 👥 از این پس شما طرف گفت‌وگوی تولیدکننده در { $count } پروندهٔ { $unit } هستید.
reps-error-forbidden = این کار فقط از دبیرخانهٔ کارگروه همین واحد برمی‌آید.
reps-error-not_found = این واحد در حوزهٔ کار شما نیست.
reps-error-last = هر واحد دست‌کم یک نماینده دارد؛ اول نمایندهٔ دیگری دعوت کنید.
reps-error-not_representative = این شخص (یا شما) نمایندهٔ این واحد نیست.
admin-entity-unit_representative = نمایندهٔ واحد
command-intake = ثبت پرونده برای تولیدکننده‌ای که حضوری آمده یا نامه نوشته (دبیرخانه)
intake-menu = 📝 ثبت پرونده از طرف تولیدکننده
intake-ask-group = ثبت از طرف تولیدکننده: کدام کارگروه؟
intake-ask-legal-id = شناسه ملی واحد (۱۱ رقم)؟
intake-unit-found = واحد: { $unit }.
intake-ask-unit-name = این واحد هنوز ثبت نشده است. نام آن؟
intake-ask-county = شهرستان آن؟
intake-ask-sector = بخش فعالیت آن؟
intake-ask-activity = وضعیت فعالیت آن؟
intake-ask-employees = تعداد کارکنان؟
intake-ask-category = موضوع مشکل؟
intake-ask-description = مشکل را همان‌طور که تولیدکننده گفته یا نوشته شرح دهید ({ $min } تا { $max } نویسه).
intake-ask-channel = تولیدکننده چگونه مراجعه کرد؟
intake-channel-in_person = حضوری
intake-channel-letter = با نامه
intake-ask-producer = نام تولیدکننده (مراجعه‌کننده یا امضاکنندهٔ نامه)؟
intake-review =
    پرونده‌ای که از طرف تولیدکننده ثبت می‌شود:
    واحد: { $unit }
    موضوع: { $category }
    تولیدکننده: { $producer } ({ $channel })
    { $description }
intake-confirm = ✅ ثبت پرونده
intake-filed =
    پروندهٔ { $code } از طرف { $producer } ثبت شد. تا او به بات بپیوندد، آنچه باید به او گفته شود به شما گفته می‌شود.
    این پیوند را به او بدهید (یک بار کار می‌کند): با باز کردن آن در تلگرام نمایندهٔ واحد می‌شود و پرونده را خودش پیگیری می‌کند.
    { $link }
intake-linked = پروندهٔ { $code } واحد { $unit } که دبیرخانه برای شما ثبت کرده بود، اکنون در /cases در اختیار شماست.
intake-field-in_person = 📝 ثبت‌شده به دست { $filer } برای { $producer } که حضوری مراجعه کرد
intake-field-letter = 📝 ثبت‌شده به دست { $filer } برای { $producer } از روی نامهٔ او
intake-error-forbidden = این کار فقط از دبیرخانهٔ همین کارگروه برمی‌آید.
intake-error-invalid_legal_id = این شناسهٔ ملی معتبر نیست (۱۱ رقم با رقم کنترل درست).
intake-error-other_group = این واحد در کارگروه دیگری ثبت شده است.
intake-error-legal_id_taken = واحدی با این شناسهٔ ملی در کارگروه دیگری ثبت شده است.
intake-error-invalid_name = نام باید ۲ تا ۱۲۰ نویسه باشد.
intake-error-invalid_county = شهرستان را از فهرست انتخاب کنید.
intake-error-invalid_employees = تعداد کارکنان را بنویسید (صفر یا بیشتر).
intake-error-description = شرح باید { $min } تا { $max } نویسه باشد.
event-producer_linked = تولیدکننده به بات پیوست و پرونده را پیگیری می‌کند.
reps-audit-added = { $person } با دعوت‌نامه نمایندهٔ { $unit } شد
reps-audit-removed = { $person } را از نمایندگی { $unit } حذف کرد
reps-audit-left = { $person } از نمایندگی { $unit } کناره گرفت

## clusters
command-clusters = خوشه‌ها: پرونده‌های باز یک مشکل مشترک، یک‌جا (دبیرخانه)
clusters-button = 🧩 خوشه‌ها
clusters-ask-group = خوشه‌ها: کدام کارگروه؟
clusters-home-title = 🧩 خوشه‌ها — پرونده‌های بازِ یک دستگاه، یک موضوع و یک شهرک صنعتی (یا شهرستان)
clusters-proposals = { $count ->
        [one] یک پیشنهاد:
       *[other] { $count } پیشنهاد، بزرگ‌ترها اول:
    }
clusters-no-proposals = اکنون پیشنهادی نیست (هر پیشنهاد دست‌کم { $min } پروندهٔ باز با یک دستگاه، یک موضوع و یک شهرک یا شهرستان می‌خواهد که در خوشه‌ای نباشند).
clusters-proposal-line = { $n }. { $count } پرونده · { $subject } · { $place } · { $agency }
clusters-button-confirm = ✅ تأیید پیشنهاد { $n } ({ $count } پرونده)
clusters-confirmed = { $count ->
        [one] یک خوشهٔ باز:
       *[other] { $count } خوشهٔ باز:
    }
clusters-button-build = ➕ ساختن خوشه با دست
clusters-title-auto = { $subject } — { $place } ({ $agency })
clusters-card-title = 🧩 خوشه: { $title }
clusters-card-progress = پیشرفت: { $done } از { $total } پرونده انجام شده
clusters-card-closed = (بسته)
clusters-card-case = { $n }. { $code } · { $unit } · { $status }
clusters-button-assign = 📨 ارجاع همه به یک دستگاه
clusters-button-agenda = 🗓 در دستور جلسه
clusters-button-resolve = 📜 یک مصوبهٔ جمعی
clusters-button-members = 📋 پرونده‌های آن
clusters-button-rename = ✏️ تغییر عنوان
clusters-button-close = 🔒 بستن خوشه
clusters-button-remove = ➖ بیرون بردن
clusters-members-title = پرونده‌های «{ $title }»: یکی را باز کنید یا از خوشه بیرون ببرید.
clusters-pick-meeting-agenda = کدام جلسهٔ برنامه‌ریزی‌شده؟ پرونده‌های خوشه با هم و چون یک موضوع در دستور جلسه می‌آیند.
clusters-no-meeting-agenda = جلسهٔ برنامه‌ریزی‌شده‌ای از این کارگروه که این خوشه در دستورش نباشد نیست. با /meetings جلسه بگذارید.
clusters-pick-meeting-resolve = کدام جلسهٔ برگزارشده؟ مصوبه برای همهٔ پرونده‌های خوشه که در دستور آن بوده‌اند ثبت می‌شود.
clusters-no-meeting-resolve = جلسهٔ برگزارشده‌ای که این خوشه در دستورش باشد و صورتجلسه‌اش هنوز باز باشد نیست.
clusters-on-agenda = { $count } پرونده چون یک موضوع در دستور جلسه آمد{ $skipped ->
        [0] .
       *[other] ؛ { $skipped } پرونده نیامد (از پیش در دستور بود یا پایان یافته).
    }
clusters-ask-title = عنوان خوشه ({ $min } تا { $max } نویسه)؟
clusters-ask-codes = کدهای رهگیری پرونده‌های آن، هر کد در یک سطر یا با ویرگول جدا (دست‌کم ۲ پرونده).
clusters-codes-unknown = این‌ها پروندهٔ این کارگروه نیستند: { $codes }. کدها را دوباره بفرستید.
clusters-built-skipped = { $count } پرونده کنار ماند (پایان یافته، یا در خوشهٔ باز دیگری).
clusters-ask-agency = کل خوشه به کدام دستگاه ارجاع شود؟ برای هر پرونده یک اقدام و برای دستگاه یک نامه.
clusters-ask-request = از دستگاه چه خواسته می‌شود ({ $min } تا { $max } نویسه)؟ متن نامه همین است.
clusters-ask-resolution = متن مصوبهٔ جمعی ({ $min } تا { $max } نویسه)؟ برای هر پروندهٔ خوشه یک اقدام می‌شود.
clusters-ask-resolution-agency = کدام دستگاه آن را اجرا می‌کند؟
clusters-referred = { $cases } پرونده یک‌جا به { $agency } ارجاع شد؛ نامه برای { $officials } نمایندهٔ دستگاه رفت.{ $skipped ->
        [0] {""}
       *[other] { " " }{ $skipped } پرونده ارجاع نشد.
    }
clusters-referred-before = این ارجاع پیش‌تر انجام شده است: { $cases } پرونده به { $agency }.
clusters-resolved = یک مصوبهٔ جمعی ثبت شد: { $count } اقدام، برای هر پرونده یکی؛ به هر تولیدکننده خبر داده شد.
clusters-error-forbidden = این کار فقط از دبیرخانهٔ همین کارگروه برمی‌آید.
clusters-error-not_found = این خوشه نیست (یا باز کردنش با شما نیست).
clusters-error-closed = این خوشه بسته است.
clusters-error-stale = پیشنهاد در این میان تغییر کرد؛ خوشه‌ها را دوباره باز کنید.
clusters-error-too_few = هر خوشه دست‌کم { $min } پروندهٔ باز از همین کارگروه می‌خواهد که در خوشهٔ باز دیگری نباشند.
clusters-error-too_many = هر خوشه حداکثر { $max } پرونده دارد.
clusters-error-invalid_title = عنوان باید { $min } تا { $max } نویسه باشد.
clusters-error-not_member = این پرونده در خوشه نیست.
clusters-error-no_meeting = این جلسه از این کارگروه نیست.
clusters-error-not_on_agenda = هیچ‌یک از پرونده‌های خوشه در دستور این جلسه نیست (یا نمی‌تواند باشد).
event-cluster_joined = { $actor } پرونده را در خوشهٔ «{ $title }» گذاشت.
event-cluster_left = { $actor } پرونده را از خوشهٔ «{ $title }» بیرون برد.
admin-entity-cluster = خوشه
## field visits and restart plans (/visit, /visits, /restart; src/services/visits.ts, restart-plans/, features/visits, features/restart-plans)
command-visit = ثبت بازدید میدانی و مطالبات شنیده‌شده (دبیرخانه)
command-visits = بازدیدهای میدانی ثبت‌شده و پرونده‌هایشان (دبیرخانه)
visits-menu = 📍 ثبت بازدید میدانی
visits-menu-record = 📍 ثبت بازدید
visits-ask-group = بازدید میدانی: کدام کارگروه؟
visits-ask-unit = از کدام واحد بازدید شد؟ شناسهٔ ملی یا بخشی از نام واحد را بنویسید.
visits-unit-none = واحدی از این کارگروه با این شناسهٔ ملی یا نام پیدا نشد. دوباره بنویسید.
visits-unit-choose = چند واحد پیدا شد؛ یکی را انتخاب کنید:
visits-unit-found = واحد: { $unit }.
visits-ask-date = روز بازدید؟ تاریخ را بنویسید (شمسی، مثلاً ۱۴۰۵/۰۹/۱۲) یا «امروز» را بزنید.
visits-today = امروز ({ $date })
visits-ask-participants = چه کسانی حضور داشتند؟ (نام و سمت، متن آزاد)
visits-ask-category = مطالبهٔ { $n }: موضوع آن؟
visits-ask-subcategory = دقیقاً کدام مورد؟
visits-ask-description = مطالبه را همان‌طور که شنیده شد شرح دهید ({ $min } تا { $max } نویسه).
visits-ask-more = { $count } مطالبه ثبت شد. مطالبهٔ دیگری در این بازدید شنیده شد؟
visits-another = ➕ مطالبهٔ دیگر
visits-to-review = ✅ بازبینی
visits-review =
    بازدید میدانی برای ثبت:
    واحد: { $unit }
    روز: { $date }
    حاضران: { $participants }
    مطالبات (هر یک پرونده‌ای می‌شود):
visits-demand-line = { $n }. { $subject }: { $description }
visits-confirm = ✅ ثبت بازدید و { $count } پرونده
visits-recorded = بازدید از { $unit } ثبت شد؛ { $count } مطالبهٔ آن پرونده‌های { $codes } شد.
visits-recorded-told = نمایندهٔ واحد ({ $count } نفر) باخبر شد و پرونده‌ها را در /cases پیگیری می‌کند.
visits-recorded-invite = این واحد هنوز نماینده‌ای در بات ندارد. این پیوند یک‌بارمصرف را به تولیدکننده بدهید؛ هر کس آن را باز کند نمایندهٔ واحد می‌شود و این پرونده‌ها را پیگیری می‌کند: { $link }
visits-list-button = 📍 بازدیدهای میدانی
visits-list-title = بازدیدهای میدانی ({ $total })، تازه‌ترین نخست:
visits-list-empty = هنوز بازدید میدانی‌ای ثبت نشده است. با /visit ثبت کنید.
visits-list-visit = 📍 { $date } — { $unit } (حاضران: { $participants })
visits-list-case = { "  " }• { $code } — { $category }: { $status }
visits-page-newer = ‹ تازه‌تر
visits-page-older = قدیمی‌تر ›
visits-field-visit = 📍 ثبت‌شده به دست { $filer } در بازدید میدانی؛ حاضران: { $producer }
visits-notice-cases = در بازدید میدانی { $date } از { $unit }، دبیرخانه { $count } مطالبه را با پرونده‌های { $codes } ثبت کرد. از پیشرفت پرونده باخبر می‌شوید؛ در /cases پیگیری کنید.
visits-error-forbidden = فقط دبیرخانهٔ کارگروه می‌تواند این کار را انجام دهد.
visits-error-not_found = این واحد از واحدهای این کارگروه نیست.
visits-error-other_group = این واحد در کارگروه دیگری ثبت شده است.
visits-error-invalid_date = این روز معتبر یا در یک سال گذشته نیست (شمسی، مثلاً ۱۴۰۵/۰۹/۱۲).
visits-error-future_date = بازدید را نمی‌توان برای روزی که هنوز نیامده ثبت کرد.
visits-error-invalid_participants = بنویسید چه کسانی حضور داشتند ({ $min } تا { $max } نویسه).
visits-error-invalid_demand = موضوع یکی از مطالبات معتبر نیست؛ بازدید را دوباره ثبت کنید.
visits-error-no_demands = بازدید دست‌کم یک مطالبه لازم دارد.
visits-error-description = شرح باید { $min } تا { $max } نویسه باشد.
command-restart = برنامهٔ راه‌اندازی برای واحد راکد یا نیمه‌فعال (دبیرخانه)
command-restarts = دفتر برنامه‌های راه‌اندازی: پیشرفت و گام‌های عقب‌افتاده (دبیرخانه)
restart-menu = 🔄 برنامهٔ راه‌اندازی واحد راکد
restart-ask-group = برنامه‌های راه‌اندازی: کدام کارگروه؟
restart-ask-unit = کدام واحد راکد یا نیمه‌فعال؟ شناسهٔ ملی یا بخشی از نام آن را بنویسید.
restart-unit-none = واحد راکد یا نیمه‌فعالِ بی‌برنامه‌ای با این شناسه یا نام در این کارگروه پیدا نشد. دوباره بنویسید.
restart-unit-choose = واحد را انتخاب کنید:
restart-ask-title = گام { $n } برنامهٔ { $unit }: چه کاری باید انجام شود؟
restart-ask-agency = کدام دستگاه انجام می‌دهد؟
restart-ask-due = تا چه تاریخی؟ (شمسی، مثلاً ۱۴۰۵/۱۰/۱۵)
restart-ask-moves = انجام این گام وضعیت واحد را تغییر می‌دهد؟
restart-moves-none = خیر
restart-moves-button = بله: { $status } می‌شود
restart-moves-to = { " " }← واحد { $status } می‌شود
restart-ask-more = { $count } گام در برنامه. گام دیگری هست؟
restart-another = ➕ گام دیگر
restart-to-review = ✅ بازبینی
restart-review =
    برنامهٔ راه‌اندازی { $unit } (اکنون { $status }):
restart-milestone-line = { $n }. { $title } — { $agency }، تا { $due }{ $moves }
restart-confirm = ✅ ثبت برنامه و { $count } کار
restart-made = برنامهٔ راه‌اندازی { $unit } ثبت شد: { $count } گام آن کارهای دستگاه‌ها شد، با یادآوری‌های معمول.
restart-ledger-button = 🔄 برنامه‌های راه‌اندازی
restart-ledger-title = برنامه‌های راه‌اندازی ({ $total })، کم‌پیشرفت‌ترین نخست:
restart-ledger-empty = هنوز برنامهٔ راه‌اندازی‌ای نیست. با /restart بسازید.
restart-ledger-plan = 🏭 { $unit } ({ $status }) — { $done } از { $total } گام انجام شده · { $code }
restart-ledger-overdue = { "  " }⏰ عقب‌افتاده: { $title } — { $agency }، موعد { $due }
restart-mark-button = { $unit }: { $status } شد
restart-marked = { $unit } اکنون { $status } است.
restart-stats-line = 🔄 واحدهای راه‌اندازی‌شده با برنامه در این دوره: { $count }
restart-field-plan = 🔄 برنامهٔ راه‌اندازی { $producer }، ثبت‌شده به دست { $filer }
restart-case-description = برنامهٔ راه‌اندازی واحد { $unit }:
restart-audit-activity_changed = { $unit }: { $from } ← { $to } (برنامهٔ راه‌اندازی)
admin-entity-production_unit = واحد تولیدی
event-restart_plan_created = { $actor } برنامهٔ راه‌اندازی واحد را ثبت کرد ({ $milestones } گام).
event-unit_activity_changed = { $actor } وضعیت واحد را { $toFa } ثبت کرد (پیش‌تر { $fromFa }).
restart-error-forbidden = فقط دبیرخانهٔ کارگروه می‌تواند این کار را انجام دهد.
restart-error-not_found = این واحد یا برنامه از آنِ این کارگروه نیست، یا واحد برنامه دارد.
restart-error-not_idle = فقط واحد راکد یا نیمه‌فعال برنامهٔ راه‌اندازی می‌گیرد.
restart-error-has_plan = این واحد برنامهٔ راه‌اندازی دارد.
restart-error-invalid_title = گام را در ۳ تا ۲۰۰ نویسه بنویسید.
restart-error-invalid_agency = دستگاه را از فهرست انتخاب کنید.
restart-error-invalid_date = تاریخی شمسی از امروز تا دو سال آینده بنویسید (مثلاً ۱۴۰۵/۱۰/۱۵).
restart-error-invalid_move = واحد هم‌اکنون در این وضعیت یا بالاتر است.
restart-error-no_milestones = برنامه ۱ تا ۱۰ گام لازم دارد.

## county desk
invitations-role-COUNTY_DESK = میز شهرستان
county-desk-ask-county = این میز به کدام شهرستان خدمت می‌کند؟ (یا چند حرف از نامش را بنویسید)
county-desk-of = میز شهرستان { $county }
county-desk-unit-county = واحد در شهرستان شما، { $county }، ثبت می‌شود.
intake-error-other_county = این واحد در شهرستان دیگری ثبت شده است؛ میز شهرستان فقط برای واحدهای شهرستان خود پرونده ثبت می‌کند.
help-section-county = میز شهرستان (فقط پرونده‌های شهرستان شما):
county-desk-queue-filter = 📍 شهرستان
county-desk-queue-pick-county = پرونده‌های کدام شهرستان نمایش داده شود؟
