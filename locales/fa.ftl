## General
error-unavailable = در حال حاضر دسترسی به پایگاه داده ممکن نیست. چیزی از آنچه وارد کرده‌اید از دست نرفته است؛ لطفاً چند دقیقه دیگر دوباره تلاش کنید.
error-unexpected = متأسفانه خطایی رخ داد. اطلاعات شما محفوظ است؛ لطفاً دوباره تلاش کنید.
error-not-allowed = شما اجازه این کار را ندارید.
error-not-found = این مورد پیدا نشد یا در دسترس شما نیست.
button-back = « بازگشت
button-cancel = ✖ انصراف
button-skip = رد کردن
button-done = ✔ تمام
button-confirm = ✔ تأیید
button-edit = ✏ ویرایش
button-next = بعدی »
button-previous = « قبلی
cancel-done = لغو شد. هر وقت خواستید از منو دوباره شروع کنید.
cancel-nothing = کاری در جریان نیست که لغو شود.
expected-button = لطفاً یکی از گزینه‌ها را با دکمه‌ها انتخاب کنید.

## Start and menu
start-welcome =
    سلام { $name }!
    این بات دبیرخانه کارگروه تسهیل و رفع موانع تولید است. اگر واحد تولیدی شما با اخطاریه قطع (برق، گاز، آب)، تسهیلات معوق، مجوز یا استعلام معطل یا هر مانع دیگری روبه‌روست، پیش از آنکه مشکل غیرقابل‌بازگشت شود آن را اینجا ثبت کنید؛ پرونده شما با کد رهگیری به دبیرخانه کارگروه می‌رسد و هر مرحله را به شما خبر می‌دهیم.
    برای شروع، واحد تولیدی خود را ثبت کنید.
start-welcome-back = { $name } عزیز، خوش آمدید.
start-flow-in-progress = کار نیمه‌تمامی دارید؛ همه آنچه وارد کرده‌اید محفوظ است. از همان‌جا ادامه دهید یا با /cancel لغو کنید.
help-text =
    راهنما:
    /report — ثبت مشکل
    /cases — پرونده‌های من
    /register — ثبت واحد تولیدی
    /language — تغییر زبان
    /cancel — لغو کار جاری
    در هر مرحله می‌توانید با دکمه «بازگشت» به قدم قبل برگردید.
menu-title = منوی اصلی:
menu-report = 📝 ثبت مشکل
menu-my-cases = 📂 پرونده‌های من
menu-register-unit = 🏭 ثبت واحد تولیدی
menu-language = 🌐 زبان / Language
language-choose = زبان را انتخاب کنید / Choose your language:
language-changed = زبان به فارسی تغییر کرد.

## Commands (the menu next to the input field; src/bot/commands.ts)
command-start = شروع و منوی اصلی
command-report = ثبت مشکل
command-cases = پرونده‌های من
command-register = ثبت واحد تولیدی
command-language = تغییر زبان
command-help = راهنما
command-cancel = لغو کار در حال انجام

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
register-ask-licence = شماره پروانه بهره‌برداری را بنویسید، یا اگر ندارید «رد کردن» را بزنید.
register-licence-invalid = شماره پروانه باید ۲ تا ۴۰ نویسه از حروف، ارقام، «/» یا «-» باشد.
register-licence-none = ندارد
register-ask-working-group = واحد شما در حوزه کدام کارگروه (استان یا منطقه آزاد) است؟
register-ask-county-choose = شهرستان محل واحد را انتخاب کنید، یا نام آن را بنویسید.
register-ask-county = نام شهرستان محل واحد را بنویسید.
register-county-invalid = نام شهرستان باید بین ۲ تا ۶۰ نویسه باشد.
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
report-ask-amount = مبلغ مرتبط (بدهی، تسهیلات، ضمانت‌نامه…) را به { $unit } بنویسید، مثلاً ۵۰۰ میلیون یا ۲۵۰٬۰۰۰٬۰۰۰. اگر مبلغی مطرح نیست «رد کردن» را بزنید.
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
report-submit-unavailable = ارسال انجام نشد: در حال حاضر دسترسی به پایگاه داده ممکن نیست. پیش‌نویس شما محفوظ است؛ چند دقیقه دیگر دوباره «ارسال به دبیرخانه» را بزنید.
report-submitted =
    گزارش شما ثبت شد. کد رهگیری: { $code }
    دبیرخانه کارگروه پرونده را بررسی و به دستگاه مسئول ارجاع می‌دهد؛ هر مرحله را همین‌جا به شما اطلاع می‌دهیم. در صورت نیاز به اطلاعات بیشتر از شما سؤال می‌شود.
report-submitted-critical =
    گزارش شما ثبت شد و به عنوان «فوری» فوراً به دبیرخانه کارگروه اعلام شد. کد رهگیری: { $code }
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
